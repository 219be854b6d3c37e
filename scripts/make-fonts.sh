#!/usr/bin/env bash
# Rebuilds the bundled font subsets from Debian's fonts-noto-cjk (OFL 1.1).
# Needs: apt-get install fonts-noto-cjk fonttools. Run from the repository root.
set -euo pipefail
src=/usr/share/fonts/opentype/noto
out=assets/fonts
python3 scripts/font-charset.py > "$out/charset.txt"
python3 scripts/font-charset.py --repo-only > "$out/charset-core.txt"
# Face 2 of the collection is Noto Sans CJK SC (simplified Chinese glyph forms).
subset() { pyftsubset "$src/NotoSansCJK-$1.ttc" --font-number=2 --text-file="$2" \
  --layout-features='kern,palt,locl' --no-hinting --output-file="$3"; }
subset Regular "$out/charset.txt" "$out/NotoSansSC-Regular-subset.otf"
subset Bold "$out/charset-core.txt" "$out/NotoSansSC-Bold-subset.otf"
# The charts load only these two small faces (fast); the GB2312 one only when a label needs it.
subset Regular "$out/charset-core.txt" "$out/NotoSansSC-Regular-core.otf"
# assets/fonts/OFL.txt holds the licence (from /usr/share/doc/fonts-noto-cjk/copyright).
ls -l "$out"
# What the page's font really covers (the charset less what Noto has no glyph for): the browser test checks against it.
python3 -c "
from fontTools.ttLib import TTFont
cmap = TTFont('$out/NotoSansSC-Regular-subset.otf').getBestCmap()
print(''.join(chr(c) for c in sorted(cmap) if c > 0x20))" > "$out/coverage.txt"
