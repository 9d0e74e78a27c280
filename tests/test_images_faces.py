"""checks/images/faces.py (dlib's HOG detector): faces found where they are, none on faceless pictures."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from checks.images.faces import find_faces
from checks.images.inspect import inspect_image
from tests.images_helpers import encode, portrait, text_image

PORTRAIT_FACE = (81, 96, 130, 130)  # where the face is in tests/data/face_portrait.jpg (checked by eye)


def centre_inside(box, area) -> bool:
    x, y, w, h = box
    ax, ay, aw, ah = area
    return ax <= x + w / 2 <= ax + aw and ay <= y + h / 2 <= ay + ah


def test_portrait_face_is_found_at_its_place():
    boxes = find_faces(portrait())
    assert len(boxes) == 1
    assert centre_inside(boxes[0], PORTRAIT_FACE)
    assert 0.6 < boxes[0][2] / PORTRAIT_FACE[2] < 1.6


def test_large_picture_is_searched_downscaled_and_boxes_come_back_in_its_pixels():
    canvas = Image.new("RGB", (4000, 3000), (90, 110, 90))
    face = portrait().resize((600, 686))  # face about 260 px wide in a 12-megapixel picture
    canvas.paste(face, (2800, 1900))
    (box,) = find_faces(canvas)
    fx, fy, fw, fh = (v * 2 for v in PORTRAIT_FACE)
    assert centre_inside(box, (2800 + fx, 1900 + fy, fw, fh))
    assert box[0] + box[2] <= 4000 and box[1] + box[3] <= 3000


def test_mirrored_and_darker_face_is_found():
    im = portrait().transpose(Image.Transpose.FLIP_LEFT_RIGHT).point(lambda v: int(v * 0.6))
    assert len(find_faces(im)) == 1


def test_boxes_follow_exif_orientation():
    stored = portrait().rotate(90, expand=True)  # stored sideways, displayed upright after orientation 6
    exif = Image.Exif()
    exif[0x0112] = 6
    report = inspect_image(encode(stored, "JPEG", exif=exif), ocr=False)
    assert (report.width, report.height) == portrait().size
    assert len(report.faces) == 1 and centre_inside(report.faces[0], PORTRAIT_FACE)


def landscape(w=1600, h=1000) -> Image.Image:
    t = np.linspace(0, 1, h)[:, None, None]
    a = np.array([110, 160, 230]) * (1 - t) + np.array([60, 130, 50]) * t
    a = a * np.ones((1, w, 1)) + np.random.default_rng(3).normal(0, 10, (h, w, 3))
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    for x in range(0, w, 300):
        d.ellipse((x - 200, h * 0.55, x + 250, h * 1.2), fill=(40, 100, 45))
    return im.filter(ImageFilter.GaussianBlur(2))


def screenshot() -> Image.Image:
    im = Image.new("RGB", (1170, 2532), (255, 255, 255))
    d = ImageDraw.Draw(im)
    for i, y in enumerate(range(200, 2300, 160)):
        x0 = 40 if i % 2 else 500
        d.rounded_rectangle((x0, y, x0 + 620, y + 110), 30, fill=(229, 229, 234) if i % 2 else (0, 122, 255))
    return im


def test_faceless_pictures_have_no_faces():
    for im in (landscape(), screenshot(), text_image(), text_image(size=(2000, 1200), font_size=120),
               Image.new("RGB", (800, 600), (0, 0, 0))):
        assert find_faces(im) == []


def test_tiny_images_have_no_faces():
    assert find_faces(Image.new("RGB", (1, 1))) == []
    assert find_faces(Image.new("RGB", (15, 300))) == []
