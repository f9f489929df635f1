from django import forms
from django.urls import reverse

from images.models import Image
from images.renditions import THUMBNAIL_SPEC, rendition_url


class ImageChooserWidget(forms.Widget):
    """Pick a library image in a searchable dialog with thumbnails, or upload
    one, without leaving the form (``chooser.js``). Stores the image's id."""

    template_name = "images/widgets/image_chooser.html"

    class Media:
        js = ["images/admin/chooser.js"]
        css = {"all": ["images/admin/chooser.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        image = None
        if value not in (None, "") and str(value).isdigit():
            image = (
                Image.objects.with_renditions([THUMBNAIL_SPEC.name])
                .filter(pk=value)
                .first()
            )
        context["widget"].update(
            image=image,
            thumbnail_url=rendition_url(image, THUMBNAIL_SPEC) if image else "",
            change_url=(
                reverse("admin:images_image_change", args=[image.pk]) if image else ""
            ),
            chooser_url=reverse("admin:images_image_chooser"),
            upload_url=reverse("admin:images_image_chooser_upload"),
        )
        return context
