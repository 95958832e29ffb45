/**
 * The call must reach a visitor whose phone is in a pocket: a vibration pattern and a short
 * chime. Phones allow sound only after the visitor touched the page, so the page keeps one
 * AudioContext, made (or resumed) on the first touch or on the "turn on the sound" button.
 */
let audio: AudioContext | undefined;

export function unlockSound(): boolean {
  try {
    audio ??= new AudioContext();
    void audio.resume();
    return true;
  } catch {
    return false;
  }
}

function chime(context: AudioContext): void {
  // Three rising tones, 0.25 s each: heard over a hall's noise, not alarming.
  const start = context.currentTime + 0.05;
  [660, 880, 1100].forEach((frequency, i) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + i * 0.3);
    gain.gain.exponentialRampToValueAtTime(0.4, start + i * 0.3 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.3 + 0.25);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + i * 0.3);
    oscillator.stop(start + i * 0.3 + 0.27);
  });
}

/** The visitor is called: vibrate and sound, as far as this browser allows. */
export function alertCalled(): void {
  if (typeof navigator.vibrate === 'function') navigator.vibrate([400, 200, 400, 200, 400]);
  if (unlockSound() && audio) chime(audio);
}
