export type RatingButtonErrorCode = 'invalid-config' | 'port-closed' | 'driver-closed' | 'timeout';

/** Every error the driver hands to its caller; `code` is the part to branch on. */
export class RatingButtonError extends Error {
  override readonly name = 'RatingButtonError';

  constructor(
    readonly code: RatingButtonErrorCode,
    message: string,
  ) {
    super(message);
  }
}
