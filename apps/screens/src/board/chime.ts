/**
 * A two-note "ding-dong" made on the spot with Web Audio: no sound files to ship or to go missing.
 * Resolves when the chime has faded.
 */
export async function playChime(context: AudioContext): Promise<void> {
  if (context.state === 'suspended') await context.resume().catch(() => undefined);
  if (context.state !== 'running') return;
  const start = context.currentTime + 0.05;
  const notes = [
    { frequency: 784, at: 0 }, // G5
    { frequency: 622, at: 0.45 }, // D#5: a falling third, the hall's "attention" sound
  ];
  for (const note of notes) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = note.frequency;
    gain.gain.setValueAtTime(0.0001, start + note.at);
    gain.gain.exponentialRampToValueAtTime(0.35, start + note.at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + note.at + 0.9);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + note.at);
    oscillator.stop(start + note.at + 0.95);
  }
  await new Promise((resolve) => setTimeout(resolve, 1_400));
}
