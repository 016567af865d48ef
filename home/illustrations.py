"""The demo's illustrations: abstract pictures drawn here with Pillow, in the site's palette.

Each illustration has a name, a motif and its alternative text in French and English.
The pictures are committed under ``home/demo_images/`` (see the README there for their
licence); ``python -m home.illustrations`` draws them again, identically, from this file.
Loading the demo content reads the committed files: no network, no drawing at load time.
"""

import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

IMAGE_DIR = Path(__file__).resolve().parent / "demo_images"
WIDTH, HEIGHT = 1440, 810
#: Drawn at this multiple, then reduced: Pillow draws without anti-aliasing.
SCALE = 2

# The palette of static/css/site.css: brand blues, the focus orange, the success green,
# with light tints of each for backgrounds.
BRAND = "#0b4f6c"
BRAND_DARK = "#073346"
SKY = "#5b9bb5"
MIST = "#dbe9ef"
TINT = "#f2f6f8"
ORANGE = "#b35c00"
APRICOT = "#f0b46a"
SAND = "#f6e6cc"
GREEN = "#1d6b35"
SAGE = "#9cc5a1"


@dataclass(frozen=True)
class Illustration:
    name: str
    motif: str
    alt_fr: str
    alt_en: str
    #: A motif's variation, where it has one (how many people around the table).
    variant: int = 0

    @property
    def filename(self):
        return f"{self.name}.webp"

    @property
    def path(self):
        return IMAGE_DIR / self.filename


def _ill(name, motif, alt_fr, alt_en, variant=0):
    return Illustration(name, motif, alt_fr, alt_en, variant)


ILLUSTRATIONS = {
    item.name: item
    for item in [
        _ill(
            "accueil",
            "gathering",
            "Illustration abstraite : des cercles de couleur réunis autour d'une grande table ronde, "
            "comme les membres d'une coalition en réunion.",
            "Abstract illustration: coloured circles gathered around a large round table, like the members of "
            "a coalition meeting.",
        ),
        _ill(
            "groupe-immigration-etablissement",
            "homes",
            "Illustration abstraite : une rangée de petites maisons aux fenêtres éclairées sous un ciel clair.",
            "Abstract illustration: a row of small houses with lit windows under a clear sky.",
        ),
        _ill(
            "groupe-protection-au-canada",
            "shield",
            "Illustration abstraite : un grand bouclier bleu qui abrite trois silhouettes arrondies.",
            "Abstract illustration: a large blue shield sheltering three rounded figures.",
        ),
        _ill(
            "groupe-protection-outremer",
            "birds",
            "Illustration abstraite : une volée d'oiseaux stylisés au-dessus de vagues, vers l'horizon.",
            "Abstract illustration: a flock of stylized birds above waves, heading for the horizon.",
        ),
        _ill(
            "projet-regularisation",
            "megaphone",
            "Illustration abstraite : des ondes orangées qui rayonnent d'un point, comme un appel lancé à tous.",
            "Abstract illustration: orange waves radiating from a point, like a call sent out to everyone.",
        ),
        _ill(
            "projet-racisme-anti-noir",
            "rings",
            "Illustration abstraite : des anneaux de couleurs différentes entrelacés en chaîne.",
            "Abstract illustration: rings of different colours linked together in a chain.",
        ),
        _ill(
            "projet-etudiants-internationaux",
            "path",
            "Illustration abstraite : un chemin en pointillés qui relie des points de couleur sur une carte.",
            "Abstract illustration: a dotted path linking coloured points on a map.",
        ),
        _ill(
            "projet-detention",
            "window",
            "Illustration abstraite : une fenêtre à barreaux qui s'ouvre sur un ciel bleu et un soleil.",
            "Abstract illustration: a barred window opening onto a blue sky and a sun.",
        ),
        _ill(
            "projet-echanges-ircc",
            "dialogue",
            "Illustration abstraite : deux bulles de dialogue qui se chevauchent, l'une bleue, l'autre orangée.",
            "Abstract illustration: two overlapping speech bubbles, one blue and one orange.",
        ),
        _ill(
            "projet-mesures-covid",
            "horizon",
            "Illustration abstraite : des collines superposées sous un soleil levant.",
            "Abstract illustration: layered hills under a rising sun.",
        ),
        _ill(
            "projet-groupes-de-cinq",
            "gathering",
            "Illustration abstraite : cinq cercles de couleur autour d'une table, comme un groupe de parrains.",
            "Abstract illustration: five coloured circles around a table, like a group of sponsors.",
            variant=5,
        ),
        _ill(
            "projet-refugies-palestiniens",
            "path",
            "Illustration abstraite : un long chemin en pointillés qui serpente entre des points éloignés.",
            "Abstract illustration: a long dotted path winding between distant points.",
        ),
        _ill(
            "projet-augmentation-reinstallation",
            "homes",
            "Illustration abstraite : une longue rangée de maisons de toutes les couleurs, sous le soleil.",
            "Abstract illustration: a long row of houses of every colour, in the sun.",
        ),
        _ill(
            "realisation-lettre-travailleurs-migrants",
            "documents",
            "Illustration abstraite : une lettre posée sur une pile de feuilles, scellée d'un cachet orangé.",
            "Abstract illustration: a letter on a pile of sheets, sealed with an orange seal.",
        ),
        _ill(
            "realisation-evaluation-rpg",
            "dialogue",
            "Illustration abstraite : deux bulles de dialogue qui se répondent, chacune remplie de lignes de texte.",
            "Abstract illustration: two speech bubbles answering each other, each filled with lines of text.",
        ),
        _ill(
            "realisation-outil-sante",
            "documents",
            "Illustration abstraite : une fiche pratique avec des cases cochées en vert.",
            "Abstract illustration: a practical checklist with boxes ticked in green.",
        ),
        _ill(
            "realisation-asfc-violence-sexiste",
            "shield",
            "Illustration abstraite : un bouclier bleu foncé, abritant trois silhouettes, devant des feuilles "
            "de recommandations.",
            "Abstract illustration: a dark blue shield sheltering three figures, in front of sheets of "
            "recommendations.",
        ),
        _ill(
            "realisation-reunification-familiale",
            "bridge",
            "Illustration abstraite : un pont en arc qui relie deux rives, des silhouettes de chaque côté.",
            "Abstract illustration: an arched bridge joining two shores, with figures on each side.",
        ),
        _ill(
            "realisation-recommandations-afghans",
            "documents",
            "Illustration abstraite : une pile de feuilles en éventail, la première scellée d'un cachet orangé.",
            "Abstract illustration: a fanned-out pile of sheets, the top one sealed with an orange seal.",
        ),
        _ill(
            "realisation-consultations-tripartites",
            "rings",
            "Illustration abstraite : trois grands anneaux qui se croisent au centre.",
            "Abstract illustration: three large rings crossing at the centre.",
        ),
    ]
}


# --- Drawing ---------------------------------------------------------------------------


def _seed(name):
    # A stable seed from the name (Python's hash() of a string changes between runs).
    return sum((index + 1) * ord(char) for index, char in enumerate(name))


def _s(value):
    return round(value * SCALE)


def _box(x0, y0, x1, y1):
    return [_s(x0), _s(y0), _s(x1), _s(y1)]


def _gradient(image, top, bottom):
    from PIL import Image

    band = Image.linear_gradient("L").resize(image.size)
    image.paste(Image.composite(Image.new("RGB", image.size, bottom), Image.new("RGB", image.size, top), band))


def _person(draw, x, y, size, colour):
    """A rounded figure: a head above shoulders."""
    draw.ellipse(_box(x - size * 0.35, y - size * 1.2, x + size * 0.35, y - size * 0.5), fill=colour)
    draw.pieslice(_box(x - size * 0.7, y - size * 0.4, x + size * 0.7, y + size), 180, 360, fill=colour)


def _draw_gathering(draw, rng, variant):
    count = variant or 8
    draw.ellipse(_box(470, 255, 970, 585), fill=SAND)
    colours = [BRAND, ORANGE, GREEN, SKY, APRICOT, SAGE, BRAND_DARK, ORANGE]
    for index in range(count):
        angle = 2 * math.pi * index / count + rng.random() * 0.2
        x = 720 + 330 * math.cos(angle)
        y = 420 + 230 * math.sin(angle)
        radius = 48 + rng.randint(0, 14)
        draw.ellipse(_box(x - radius, y - radius, x + radius, y + radius), fill=colours[index % len(colours)])
    for _ in range(3):
        x, y = 600 + rng.randint(0, 240), 360 + rng.randint(0, 110)
        draw.rounded_rectangle(_box(x, y, x + 70, y + 48), radius=_s(6), fill="white")


def _draw_horizon(draw, rng, variant):
    draw.ellipse(_box(860, 150, 1140, 430), fill=APRICOT)
    layers = [(MIST, 430), (SAGE, 520), (SKY, 600), (BRAND, 690)]
    for colour, base in layers:
        points = [(0, HEIGHT)]
        for x in range(0, WIDTH + 160, 160):
            points.append((x, base - rng.randint(0, 90)))
        points.append((WIDTH, HEIGHT))
        draw.polygon([(_s(x), _s(y)) for x, y in points], fill=colour)


def _draw_homes(draw, rng, variant):
    draw.ellipse(_box(1080, 90, 1240, 250), fill=APRICOT)
    draw.rectangle(_box(0, 640, WIDTH, HEIGHT), fill=SAGE)
    x = 90
    colours = [BRAND, ORANGE, GREEN, SKY, BRAND_DARK]
    while x < WIDTH - 200:
        width = rng.randint(150, 210)
        height = rng.randint(150, 230)
        colour = colours[rng.randrange(len(colours))]
        top = 640 - height
        draw.rectangle(_box(x, top, x + width, 640), fill=colour)
        draw.polygon(
            [(_s(x - 20), _s(top)), (_s(x + width / 2), _s(top - 90)), (_s(x + width + 20), _s(top))], fill=BRAND_DARK
        )
        draw.rectangle(_box(x + width * 0.2, top + 40, x + width * 0.45, top + 90), fill=SAND)
        draw.rectangle(_box(x + width * 0.55, top + 40, x + width * 0.8, top + 90), fill=APRICOT)
        x += width + rng.randint(40, 90)


def _draw_shield(draw, rng, variant):
    fill = BRAND
    for index in range(4):
        x = 180 + index * 60
        draw.rounded_rectangle(_box(x, 180 + index * 20, x + 300, 600 + index * 20), radius=_s(14), fill=MIST)
        for line in range(6):
            draw.rectangle(_box(x + 30, 230 + index * 20 + line * 50, x + 250, 244 + index * 20 + line * 50), fill=TINT)
    shape = [(720, 120), (1030, 210), (1000, 500), (720, 700), (440, 500), (410, 210)]
    draw.polygon([(_s(x + 120), _s(y)) for x, y in shape], fill=fill)
    for offset, colour in ((-120, SAND), (0, APRICOT), (120, SAGE)):
        _person(draw, 840 + offset, 470, 80, colour)


def _draw_birds(draw, rng, variant):
    for band in range(5):
        y = 560 + band * 50
        colour = [MIST, SKY, BRAND, SKY, BRAND_DARK][band]
        points = [(0, HEIGHT)]
        for x in range(0, WIDTH + 120, 60):
            points.append((x, y + (18 if (x // 60 + band) % 2 else -18)))
        points.append((WIDTH, HEIGHT))
        draw.polygon([(_s(x), _s(y)) for x, y in points], fill=colour)
    draw.ellipse(_box(1060, 120, 1220, 280), fill=APRICOT)
    for _ in range(11):
        x, y = rng.randint(180, 1000), rng.randint(120, 460)
        size = rng.randint(30, 60)
        colour = ORANGE if rng.random() < 0.3 else BRAND_DARK
        draw.line(
            [(_s(x - size), _s(y - size * 0.5)), (_s(x), _s(y)), (_s(x + size), _s(y - size * 0.5))],
            fill=colour,
            width=_s(9),
            joint="curve",
        )


def _draw_megaphone(draw, rng, variant):
    cx, cy = 360, 430
    colours = [APRICOT, SAND, ORANGE, SAND, APRICOT, MIST]
    for index, colour in reversed(list(enumerate(colours))):
        radius = 160 + index * 140
        draw.pieslice(_box(cx - radius, cy - radius, cx + radius, cy + radius), -40, 40, fill=colour)
    draw.ellipse(_box(cx - 110, cy - 110, cx + 110, cy + 110), fill=BRAND)
    draw.ellipse(_box(cx - 40, cy - 40, cx + 40, cy + 40), fill=TINT)
    for _ in range(6):
        x, y = rng.randint(900, 1300), rng.randint(150, 700)
        draw.ellipse(_box(x - 16, y - 16, x + 16, y + 16), fill=GREEN)


def _draw_rings(draw, rng, variant):
    colours = [BRAND, ORANGE, GREEN, SKY, BRAND_DARK]
    count = 3 if rng.random() < 0.5 else 5
    spacing = 620 / count if count == 5 else 190
    start = 720 - spacing * (count - 1) / 2
    for index in range(count):
        x = start + index * spacing
        y = 405 + (40 if index % 2 else -40)
        radius = 170 if count == 3 else 130
        draw.ellipse(_box(x - radius, y - radius, x + radius, y + radius), outline=colours[index], width=_s(30))


def _draw_path(draw, rng, variant):
    draw.rectangle(_box(0, 0, WIDTH, HEIGHT), fill=SAND)
    for _ in range(5):
        x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
        radius = rng.randint(120, 260)
        draw.ellipse(_box(x - radius, y - radius * 0.7, x + radius, y + radius * 0.7), fill=SAGE)
    points = [(140, 640)]
    for step in range(1, 6):
        points.append((140 + step * 230, rng.randint(160, 660)))
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        for part in range(0, 20, 2):
            t0, t1 = part / 20, (part + 1) / 20
            draw.line(
                [
                    (_s(x0 + (x1 - x0) * t0), _s(y0 + (y1 - y0) * t0)),
                    (_s(x0 + (x1 - x0) * t1), _s(y0 + (y1 - y0) * t1)),
                ],
                fill=BRAND_DARK,
                width=_s(8),
            )
    for index, (x, y) in enumerate(points):
        colour = ORANGE if index in (0, len(points) - 1) else BRAND
        draw.ellipse(_box(x - 34, y - 34, x + 34, y + 34), fill=colour)
        draw.ellipse(_box(x - 12, y - 12, x + 12, y + 12), fill="white")


def _draw_window(draw, rng, variant):
    draw.rectangle(_box(0, 0, WIDTH, HEIGHT), fill=MIST)
    draw.rounded_rectangle(_box(420, 130, 1020, 690), radius=_s(20), fill=BRAND_DARK)
    draw.rectangle(_box(460, 170, 980, 650), fill=SKY)
    draw.ellipse(_box(700, 240, 880, 420), fill=APRICOT)
    draw.rectangle(_box(460, 540, 980, 650), fill=SAGE)
    for index in range(1, 6):
        x = 460 + index * 520 / 6
        draw.rectangle(_box(x - 8, 170, x + 8, 650), fill=BRAND_DARK)
    for _ in range(3):
        x, y = rng.randint(520, 900), rng.randint(200, 320)
        draw.line([(_s(x - 24), _s(y - 10)), (_s(x), _s(y)), (_s(x + 24), _s(y - 10))], fill="white", width=_s(6))


def _draw_dialogue(draw, rng, variant):
    draw.rounded_rectangle(_box(200, 170, 800, 520), radius=_s(60), fill=BRAND)
    draw.polygon([(_s(300), _s(500)), (_s(380), _s(500)), (_s(260), _s(620))], fill=BRAND)
    draw.rounded_rectangle(_box(620, 330, 1240, 660), radius=_s(60), fill=APRICOT)
    draw.polygon([(_s(1080), _s(640)), (_s(1160), _s(640)), (_s(1200), _s(750))], fill=APRICOT)
    for line in range(3):
        width = 420 - line * 80 - rng.randint(0, 40)
        draw.rounded_rectangle(_box(270, 240 + line * 70, 270 + width, 272 + line * 70), radius=_s(16), fill=TINT)
    for line in range(3):
        width = 440 - line * 90 - rng.randint(0, 40)
        draw.rounded_rectangle(_box(700, 400 + line * 70, 700 + width, 432 + line * 70), radius=_s(16), fill=SAND)


def _draw_documents(draw, rng, variant):
    for index in range(5):
        angle = (index - 2) * 12
        x = 520 + index * 70
        y = 150 + abs(index - 2) * 20
        sheet = [(x, y), (x + 330, y + angle), (x + 330 - angle, y + 480 + angle), (x - angle, y + 480)]
        draw.polygon([(_s(px), _s(py)) for px, py in sheet], fill=TINT if index % 2 else MIST, outline=SKY)
    x, y = 660, 170
    draw.rectangle(_box(x, y, x + 360, y + 500), fill="white", outline=SKY, width=_s(3))
    for line in range(7):
        draw.rectangle(_box(x + 40, y + 60 + line * 52, x + 320 - (line % 3) * 40, y + 76 + line * 52), fill=MIST)
        if rng.random() < 0.5:
            draw.rectangle(_box(x - 60, y + 52 + line * 52, x - 28, y + 84 + line * 52), fill=GREEN)
    draw.ellipse(_box(x + 240, y + 390, x + 340, y + 490), fill=ORANGE)
    draw.ellipse(_box(x + 268, y + 418, x + 312, y + 462), fill=APRICOT)


def _draw_bridge(draw, rng, variant):
    draw.rectangle(_box(0, 520, WIDTH, HEIGHT), fill=SKY)
    draw.rectangle(_box(0, 460, 360, HEIGHT), fill=SAGE)
    draw.rectangle(_box(1080, 460, WIDTH, HEIGHT), fill=SAGE)
    draw.pieslice(_box(300, 260, 1140, 900), 180, 360, fill=BRAND)
    draw.pieslice(_box(380, 340, 1060, 980), 180, 360, fill=SKY)
    draw.rectangle(_box(300, 430, 1140, 470), fill=BRAND_DARK)
    draw.ellipse(_box(1000, 90, 1160, 250), fill=APRICOT)
    for index, x in enumerate((120, 220, 1180, 1290)):
        _person(draw, x, 420, 60 + rng.randint(0, 10), [ORANGE, GREEN, ORANGE, BRAND_DARK][index])


MOTIFS = {
    "gathering": _draw_gathering,
    "horizon": _draw_horizon,
    "homes": _draw_homes,
    "shield": _draw_shield,
    "birds": _draw_birds,
    "megaphone": _draw_megaphone,
    "rings": _draw_rings,
    "path": _draw_path,
    "window": _draw_window,
    "dialogue": _draw_dialogue,
    "documents": _draw_documents,
    "bridge": _draw_bridge,
}


def draw(illustration):
    """The picture of ``illustration``, the same on every run."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), TINT)
    _gradient(image, TINT, MIST)
    rng = random.Random(_seed(illustration.name))  # noqa: S311 - drawing, not security
    MOTIFS[illustration.motif](ImageDraw.Draw(image), rng, illustration.variant)
    return image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)


def write_all(directory=IMAGE_DIR):
    directory.mkdir(exist_ok=True)
    for illustration in ILLUSTRATIONS.values():
        draw(illustration).save(directory / illustration.filename, "WEBP", quality=78, method=6)
        print(f"{illustration.filename}: {(directory / illustration.filename).stat().st_size // 1024} KB")


if __name__ == "__main__":
    write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else IMAGE_DIR)
