#!/usr/bin/env python3
"""Makes assets/fonts/NotoSansCJKjp-Supplement.otf: the characters of Noto Sans CJK JP Regular that the
bundled IPAex Gothic lacks (JIS X 0213 kanji, 𠮷 and other CJK Extension B characters used in names,
CJK compatibility ideographs, symbols), Hangul left out. Run once by hand when the font is updated:

    apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb noto
    pip install fonttools
    scripts/make-supplement-font.py noto/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

Made from Debian's fonts-noto-cjk 1:20220127 (SIL Open Font License 1.1, see the -license.txt file).
"""
import sys
from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

HANGUL = [(0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xFFA0, 0xFFDC)]

def main(ttc):
    japanese = TTCollection(ttc).fonts[0]  # Noto Sans CJK JP
    assert "JP" in japanese["name"].getDebugName(4)
    ipaex = TTFont("assets/fonts/ipaexg.ttf").getBestCmap()
    wanted = [
        u for u in japanese.getBestCmap()
        if u not in ipaex and not any(a <= u <= b for a, b in HANGUL)
    ]
    options = subset.Options()
    options.layout_features = ["vert", "vrt2"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(japanese)
    japanese.save("assets/fonts/NotoSansCJKjp-Supplement.otf")
    print(f"{len(wanted)} characters")

if __name__ == "__main__":
    main(sys.argv[1])
