"""Writes the character list of the bundled CJK font subset (assets/fonts/charset.txt).

Every character of the message catalogs, seed data and demo data, plus GB2312 (its 6,763
hanzi: the common characters of names and progress text), ASCII and CJK punctuation.
With --repo-only, only the repository's own characters (the bold face and the small regular face the charts load).
Regenerate, then subset: scripts/make-fonts.sh (see README "Fonts").
"""
import pathlib, sys

root = pathlib.Path(__file__).resolve().parent.parent
chars = set(chr(c) for c in range(0x20, 0x7F))
chars |= set("　、。〈〉《》「」『』【】〔〕〖〗〜・—–‘’“”…‰‱℃←↑→↓≤≥±×÷·•√✓✔✕✗✘⚠️✅❌★☆●○■□▲△▼▽◆◇％（），．：；？！［］｛｝～￥")
for n in range(0xFF01, 0xFF5F):
    chars.add(chr(n))
repo_only = "--repo-only" in sys.argv
for hi in ([] if repo_only else range(0xB0, 0xF8)):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
for pattern in ["src/text/messages/*.ts", "data/seed/*.json", "data/seed/*.csv", "src/console/*.ts", "src/web/**/*.ts", "src/chart/*.ts", "src/render/**/*.ts"]:
    for f in root.glob(pattern):
        chars |= set(f.read_text(encoding="utf-8"))
chars = sorted(c for c in chars if c.isprintable() and ord(c) > 0x1F and ord(c) <= 0xFFFF)
sys.stdout.write("".join(chars) + "\n")
