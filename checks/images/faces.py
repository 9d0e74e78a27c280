"""Faces in an image, found offline by dlib's HOG frontal-face detector (issue 20).

Why dlib (the ``dlib-bin`` wheel, 11 MB installed, the detector's weights compiled into the library) and not
OpenCV's Haar cascades: opencv-python-headless 5.x no longer ships the cascades, 4.x installs ~137 MB (the whole
image budget is 150 MB), and on the same augmented set of portraits and faceless pictures (docs/images.md) the Haar
frontal cascade found 0.75 of clear frontal faces with 7% of faceless images given a face, against dlib's 1.00 and 0%.

The image is scaled so its longest side is WORK_SIDE and searched once upsampled (smallest face found: ~40 px at
that size, i.e. about 3% of the picture's longest side). Boxes come back in the given (upright) image's pixels.
A dlib detector is not safe to share between threads, so each thread makes its own (cheap: no file to read).
"""

from __future__ import annotations

import threading

from PIL import Image

from checks.images.model import Box

WORK_SIDE = 1280
"""Longest side searched. Cost grows with area; 1280 upsampled finds faces down to ~3% of the longest side."""

UPSAMPLE = 1
THRESHOLD = 0.0
"""dlib's own default. Raising it to 0.3 lost 2% of faces on the choice set; a missed face leaks, an extra box
only blurs a patch (no faceless image of the set got a box at 0.0)."""

_local = threading.local()


def _detector():
    det = getattr(_local, "detector", None)
    if det is None:
        import dlib
        det = _local.detector = dlib.get_frontal_face_detector()
    return det


def find_faces(image: Image.Image) -> list[Box]:
    """Face boxes (x, y, w, h) in ``image``'s pixels, clipped to the image, largest first."""
    import numpy as np

    rgb = image if image.mode == "RGB" else image.convert("RGB")
    scale = min(1.0, WORK_SIDE / max(rgb.size))
    work = rgb.resize((max(1, round(rgb.width * scale)), max(1, round(rgb.height * scale))),
                      Image.Resampling.BILINEAR, reducing_gap=2.0) if scale < 1 else rgb
    if min(work.size) < 20:
        return []
    rects, _scores, _kinds = _detector().run(np.asarray(work), UPSAMPLE, THRESHOLD)
    boxes: list[Box] = []
    for r in rects:
        x0 = max(0, int(r.left() / scale))
        y0 = max(0, int(r.top() / scale))
        x1 = min(rgb.width, int(round((r.right() + 1) / scale)))
        y1 = min(rgb.height, int(round((r.bottom() + 1) / scale)))
        if x1 > x0 and y1 > y0:
            boxes.append((x0, y0, x1 - x0, y1 - y0))
    boxes.sort(key=lambda b: -b[2] * b[3])
    return boxes
