"""PHI inside attached images (issue 20): decoding with limits, metadata, faces, text (OCR) and cleaned copies.

The submodules are imported where needed so that loading ClearPost does not pull in Pillow/OpenCV/OCR models
until an image is actually checked.
"""
