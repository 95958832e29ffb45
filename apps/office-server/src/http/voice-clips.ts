import { VOICE_CLIPS } from '@talon/domain';
import { serveBuiltFile } from '@talon/server-edge';
import type { ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The kit shipped with Talon (made by voice-kit/make-voice-kit.sh), the same from src/ and dist/. */
export const SHIPPED_VOICE_KIT = resolve(dirname(fileURLToPath(import.meta.url)), '../../voice-kit');
const VOICE_LANGUAGES = ['ru', 'en'];
/** What an office's own recordings may be; the board decodes whatever the browser can. */
const EXTENSIONS = ['.ogg', '.wav', '.mp3'];

/**
 * `GET /voice/<lang>/<clip>`: one clip of the hall's voice. An office's own recording in
 * `<override>/<lang>/` wins over the shipped clip of the same name, one clip at a time, so an
 * announcer may record only the words they want in their own voice.
 */
export function createVoiceClips(overrideDir: string | undefined) {
  const roots = [...(overrideDir ? [overrideDir] : []), SHIPPED_VOICE_KIT];
  return {
    serve(pathname: string, response: ServerResponse): boolean {
      const match = /^\/voice\/([a-z]{2})\/([A-Za-z0-9-]{1,20})$/.exec(pathname);
      if (!match) return false;
      const [, language = '', clip = ''] = match;
      // Only names from the kit's list: nothing else on disk is reachable through this path.
      if (!VOICE_LANGUAGES.includes(language) || !VOICE_CLIPS.includes(clip)) return false;
      for (const root of roots) for (const extension of EXTENSIONS) if (serveBuiltFile(join(root, language), `${clip}${extension}`, response)) return true;
      return false;
    },
  };
}
