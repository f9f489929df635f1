from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "images"
    verbose_name = "Photothèque"

    def ready(self):
        from django.conf import settings
        from PIL import Image as PILImage

        # Pillow refuses anything past twice this size, wherever it is opened
        # in the process; the upload check refuses past once, with a message.
        PILImage.MAX_IMAGE_PIXELS = settings.IMAGES_MAX_PIXELS
