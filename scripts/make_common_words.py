"""Write sampark/trust/data/common_words.txt: the most frequent English words, one per line.

    python -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python scripts/make_common_words.py > sampark/trust/data/common_words.txt

Run once; the lookalike detector reads the committed file (no network, no wordfreq at run time). It says which
words are *ordinary*: an official handle's distinctive part is what is left when its ordinary and generic words
are set aside, and a single ordinary word is never a lookalike of anything.

Source and licence: wordfreq 3.1.1 (Robyn Speer; code Apache-2.0), ``top_n_list("en", 30000)``. Its word lists are
derived from Wikipedia, OpenSubtitles, Google Books, Twitter and other sources and distributed under
CC BY-SA 4.0; this file, a derived list, is under the same licence with this attribution.
"""

import wordfreq

TOP = 30_000


def main() -> None:
    print("# The 30,000 most frequent English words (letters only, 2+ letters) from wordfreq 3.1.1's")
    print("# top_n_list('en'), by scripts/make_common_words.py. Data CC BY-SA 4.0 (wordfreq's sources; see the")
    print("# script).")
    seen = set()
    for word in wordfreq.top_n_list("en", TOP):
        if word.isascii() and word.isalpha() and len(word) >= 2 and word not in seen:
            seen.add(word)
            print(word)


if __name__ == "__main__":
    main()
