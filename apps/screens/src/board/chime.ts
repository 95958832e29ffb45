/** How long after its start the speech may follow the chime (its second note is fading by then). */
export const CHIME_SECONDS = 1.2;

/**
 * A two-note "ding-dong" made on the spot with Web Audio: no sound files to ship or to go missing.
 * Scheduled at `at` on the context's clock; the context must be running for it to be heard.
 */
export function scheduleChime(context: BaseAudioContext, at: number): void {
  const notes = [
    { frequency: 784, at: 0 }, // G5
    { frequency: 622, at: 0.45 }, // D#5: a falling third, the hall's "attention" sound
  ];
  for (const note of notes) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = note.frequency;
    gain.gain.setValueAtTime(0.0001, at + note.at);
    gain.gain.exponentialRampToValueAtTime(0.35, at + note.at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + note.at + 0.9);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at + note.at);
    oscillator.stop(at + note.at + 0.95);
  }
}
