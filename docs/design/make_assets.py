"""Draws the logo and the design-token pictures of docs/design.md (run from the repository root):

    .venv/bin/python docs/design/make_assets.py

The wordmark's letters are outlines of Liberation Sans (SIL Open Font License 1.1, Debian's
fonts-liberation2), so the SVG looks the same everywhere without a font. The colours and ratios
come from static/css/site.css's tokens, read here, so the pictures follow the stylesheet.
"""

import re
from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[2]
FONTS = Path("/usr/share/fonts/truetype/liberation")
STYLESHEET = ROOT / "static" / "css" / "site.css"
IMAGES = ROOT / "static" / "img"
PICTURES = ROOT / "docs" / "design"

WORDMARK = {
    "fr": ("Conseil canadien", "pour les réfugiés"),
    "en": ("Canadian Council", "for Refugees"),
}


def tokens():
    """The custom properties of the stylesheet's first ``:root`` block, name → value."""
    text = STYLESHEET.read_text(encoding="utf-8")
    block = text[text.index(":root") : text.index("}", text.index(":root"))]
    return dict(re.findall(r"--([\w-]+):\s*([^;]+);", block))


def text_path(font, text, x, baseline, size):
    """The outline of ``text`` set in ``font`` at ``size`` pixels, as SVG path data, and its advance."""
    glyph_set = font.getGlyphSet()
    cmap = font.getBestCmap()
    scale = size / font["head"].unitsPerEm
    pen = SVGPathPen(glyph_set)
    advance = 0
    for character in text:
        name = cmap[ord(character)]
        glyph = glyph_set[name]
        glyph.draw(TransformPen(pen, (scale, 0, 0, -scale, x + advance * scale, baseline)))
        advance += glyph.width
    # A tenth of a pixel is finer than any screen shows at this size, and keeps the file small.
    commands = re.sub(r"-?\d+\.\d+", _tenth, pen.getCommands())
    return commands, advance * scale


def _tenth(number):
    return f"{float(number.group()):.1f}".rstrip("0").rstrip(".")


def emblem(colours):
    """A doorway held open, and a person arriving: the coalition's welcome."""
    return (
        f'<rect width="48" height="48" rx="10" fill="{colours["color-brand"]}"/>'
        '<path d="M14 41V24a10 10 0 0 1 20 0v17" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round"/>'
        f'<circle cx="24" cy="31" r="5" fill="{colours["color-accent"]}"/>'
    )


def svg(width, height, title, body):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height}" '
        f'width="{width:.0f}" height="{height}" role="img"><title>{title}</title>{body}</svg>\n'
    )


def logos(colours):
    bold = TTFont(FONTS / "LiberationSans-Bold.ttf")
    regular = TTFont(FONTS / "LiberationSans-Regular.ttf")
    ink = colours["color-brand-dark"]
    titles = {"fr": "Conseil canadien pour les réfugiés", "en": "Canadian Council for Refugees"}
    sizes = {}
    for language, (first, second) in WORDMARK.items():
        line1, width1 = text_path(bold, first, 58, 21, 19)
        line2, width2 = text_path(regular, second, 58, 43, 19)
        width = 58 + max(width1, width2) + 2
        body = emblem(colours) + f'<path fill="{ink}" d="{line1}"/><path fill="{ink}" d="{line2}"/>'
        (IMAGES / f"logo-{language}.svg").write_text(svg(width, 48, titles[language], body), encoding="utf-8")
        sizes[language] = round(width)
    short, short_width = text_path(bold, "CCR", 56, 33, 24)
    width = 56 + short_width + 2
    body = emblem(colours) + f'<path fill="{ink}" d="{short}"/>'
    (IMAGES / "logo-short.svg").write_text(svg(width, 48, "CCR", body), encoding="utf-8")
    sizes["short"] = round(width)
    (IMAGES / "favicon.svg").write_text(svg(48, 48, "CCR", emblem(colours)), encoding="utf-8")
    return sizes


def luminance(hex_colour):
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


#: Each colour token and what it is shown against (the pairs the stylesheet uses).
SWATCHES = [
    ("color-ink", "color-paper"),
    ("color-muted", "color-paper"),
    ("color-link", "color-paper"),
    ("color-brand", "color-paper"),
    ("color-brand-dark", "color-tint"),
    ("color-accent", "color-ink"),
    ("color-tint", "color-ink"),
    ("color-line", "color-paper"),
    ("color-field", "color-paper"),
    ("color-highlight", "color-ink"),
    ("color-focus", "color-paper"),
    ("color-ok", "color-paper"),
    ("color-warn", "color-paper"),
    ("color-error", "color-paper"),
]


def swatches(colours):
    """One picture per colour token: the colour, and text or a line in it on its background."""
    ratios = {}
    for token, background in SWATCHES:
        colour, ground = colours[token], colours[background]
        ratio = contrast(colour, ground)
        ratios[token] = (background, ratio)
        if token in ("color-tint", "color-accent", "color-highlight"):
            # A background colour: the text shown on it is the other token.
            fill, text = colour, ground
            label = f"--{background} on --{token}"
        else:
            fill, text = ground, colour
            label = f"--{token} on --{background}"
        body = (
            f'<rect width="360" height="96" rx="8" fill="{fill}" stroke="#c9d3d8"/>'
            f'<rect x="16" y="16" width="64" height="64" rx="6" fill="{colour}" stroke="#6b7780"/>'
            f'<text x="96" y="40" font-family="sans-serif" font-size="17" font-weight="700" fill="{text}">'
            f"{colour}</text>"
            f'<text x="96" y="66" font-family="sans-serif" font-size="14" fill="{text}">{label} · {ratio:.1f}:1</text>'
        )
        (PICTURES / f"swatch-{token}.svg").write_text(svg(360, 96, f"--{token}", body), encoding="utf-8")
    return ratios


def type_scale(colours):
    steps = [(name, value) for name, value in colours.items() if name.startswith("font-size-")]
    rows, y = [], 0
    for name, value in steps:
        size = float(value.removesuffix("rem")) * 16
        y += size * 1.3 + 12
        rows.append(
            f'<text x="0" y="{y:.0f}" font-family="system-ui, sans-serif" font-size="{size:.1f}" '
            f'fill="{colours["color-ink"]}">{size:.0f} px · --{name} · Réfugiés</text>'
        )
    (PICTURES / "type-scale.svg").write_text(svg(760, round(y + 12), "Type scale", "".join(rows)), encoding="utf-8")


def spacing(colours):
    steps = [(name, value) for name, value in colours.items() if name.startswith("space-")]
    rows = []
    for index, (name, value) in enumerate(steps):
        size = float(value.removesuffix("rem")) * 16
        y = 12 + index * 32
        rows.append(
            f'<rect x="150" y="{y}" width="{size:.0f}" height="20" fill="{colours["color-brand"]}"/>'
            f'<text x="0" y="{y + 15}" font-family="sans-serif" font-size="14" fill="{colours["color-ink"]}">'
            f"--{name}: {value}</text>"
        )
    (PICTURES / "spacing.svg").write_text(
        svg(360, 24 + len(steps) * 32, "Spacing scale", "".join(rows)), encoding="utf-8"
    )


def main():
    colours = tokens()
    sizes = logos(colours)
    ratios = swatches(colours)
    type_scale(colours)
    spacing(colours)
    print("logo widths at 48 px high:", sizes)
    for token, (background, ratio) in ratios.items():
        print(f"| `--{token}` | `{colours[token]}` | `--{background}` | {ratio:.2f}:1 |")


if __name__ == "__main__":
    main()
