import { printerTargetProblem, type ConfigIssue, type OfficeConfig } from '@talon/protocol';

/**
 * The part of the printer check only the server can make: a `file:` printer (the demo's) writes
 * only inside the data folder. The rest of the closed list is in the config schema.
 */
export function printerFileProblems(config: OfficeConfig, folder: string | undefined): { text: string; issue: ConfigIssue }[] {
  return config.printers.flatMap((printer, index) => {
    if (!/^file:/i.test(printer.uri)) return [];
    const problem = printerTargetProblem(printer.uri, { network: config.printerNetwork, ...(folder !== undefined && { fileFolder: folder }) });
    const path = `printers[${index}].uri`;
    return problem ? [{ text: `${path}: ${problem}`, issue: { path, problem: 'printer-target' as const, value: printer.uri } }] : [];
  });
}
