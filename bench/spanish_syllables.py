"""How often the Spanish syllable rules agree with an independent syllabifier on a large
word list; not part of `make bench`, as it needs two things the project does not:

    apt-get install wspanish                     # Debian's Spanish word list
    python3 -m venv /tmp/syllables && /tmp/syllables/bin/pip install pylabeador==0.9.0
    /tmp/syllables/bin/python bench/spanish_syllables.py [/usr/share/dict/spanish]

pylabeador is a separate rule-based syllabifier, so agreement is not proof: where both
are wrong the same way nothing shows. What it does show is every word they disagree on,
to settle by hand against the RAE's conventions (the figures are in
``articles.readability_es.count_syllables``).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pylabeador

from articles.readability_es import count_syllables


def main(path="/usr/share/dict/spanish"):
    words = [line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines()]
    words = [word for word in words if word.isalpha()]
    compared = 0
    disagreements = []
    for word in words:
        try:
            theirs = pylabeador.syllabify(word.lower())
        except Exception:  # pylabeador refuses a few words it cannot divide
            continue
        compared += 1
        if count_syllables(word) != len(theirs):
            disagreements.append((word, count_syllables(word), "-".join(theirs)))
    agreed = compared - len(disagreements)
    print(f"{agreed} of {compared} words agree ({agreed / compared:.2%}); pylabeador")
    print(f"could not divide {len(words) - compared}. Disagreements (ours, pylabeador's):")
    for word, ours, theirs in disagreements:
        print(f"  {word}: {ours}, {theirs}")


if __name__ == "__main__":
    main(*sys.argv[1:])
