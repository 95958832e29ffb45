#!/usr/bin/env bash
# Makes the shipped voice kit (ru/ and en/ here) ONCE, on a developer's machine; the clips are
# committed, so an office needs neither espeak-ng nor sox nor anything downloaded at run time.
#   apt install espeak-ng sox libsox-fmt-all && apps/office-server/voice-kit/make-voice-kit.sh
# Clip names are the ones in packages/domain/src/voice-clips.ts (a unit test checks both kits
# have every one). An office replaces any of them with its announcer's recordings in
# <data dir>/voice/ru/<name>.ogg (or .wav); see the README, "The hall's voice".
set -euo pipefail
cd "$(dirname "$0")"

# name|Russian|English. Letters are spelled as names, so no engine says "в" or "с" as a preposition.
CLIPS='talon|Талон|Ticket
proceed|пройдите к окну|please go to desk
window|окно|desk
again|Повторно.|Again.
letter-A|А|A
letter-B|Вэ|B
letter-E|Е|E
letter-K|Ка|K
letter-M|Эм|M
letter-H|Эн|H
letter-O|О|O
letter-P|Эр|P
letter-C|Эс|C
letter-T|Тэ|T
letter-X|Ха|X
0|ноль|zero
1|один|one
2|два|two
3|три|three
4|четыре|four
5|пять|five
6|шесть|six
7|семь|seven
8|восемь|eight
9|девять|nine
10|десять|ten
11|одиннадцать|eleven
12|двенадцать|twelve
13|тринадцать|thirteen
14|четырнадцать|fourteen
15|пятнадцать|fifteen
16|шестнадцать|sixteen
17|семнадцать|seventeen
18|восемнадцать|eighteen
19|девятнадцать|nineteen
20|двадцать|twenty
30|тридцать|thirty
40|сорок|forty
50|пятьдесят|fifty
60|шестьдесят|sixty
70|семьдесят|seventy
80|восемьдесят|eighty
90|девяносто|ninety
100|сто|one hundred
200|двести|two hundred
300|триста|three hundred
400|четыреста|four hundred
500|пятьсот|five hundred
600|шестьсот|six hundred
700|семьсот|seven hundred
800|восемьсот|eight hundred
900|девятьсот|nine hundred
1000|тысяча|one thousand
1f|одна|one
2f|две|two
thousand-few|тысячи|thousand
thousand-many|тысяч|thousand'

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for lang in ru en; do
  mkdir -p "$lang"
  rm -f "$lang"/*.ogg
  column=$([ "$lang" = ru ] && echo 2 || echo 3)
  while IFS='|' read -r name ru en; do
    text=$([ "$column" = 2 ] && echo "$ru" || echo "$en")
    espeak-ng -v "$lang" -s 165 -w "$tmp/raw.wav" "$text"
    # Silence trimmed at both ends so clips join without holes; a short breath after each word,
    # a longer one after «Повторно» and before «пройдите» (where a reader pauses).
    tail_pause=0.04
    head_pause=0
    case "$name" in again) tail_pause=0.25 ;; proceed) head_pause=0.2 ;; esac
    sox -q "$tmp/raw.wav" -r 16000 -c 1 -C 2 "$lang/$name.ogg" \
      silence 1 0.01 0.3% reverse silence 1 0.01 0.3% reverse pad "$head_pause" "$tail_pause"
  done <<< "$CLIPS"
done
du -sh ru en
