from django import forms

from images.models import Image
from images.processing import ACCEPTED_MIME_TYPES, process_upload


class ImageUploadForm(forms.ModelForm):
    """A new library image: the file is checked and cleaned with Pillow
    (``process_upload``) before anything is stored. Blank title, caption and
    credit are filled from the file's own metadata."""

    file = forms.FileField(
        label="fichier",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_MIME_TYPES}),
        help_text="JPEG, PNG, WebP, GIF ou AVIF. Les métadonnées (dont la position GPS) sont retirées.",
    )

    class Meta:
        model = Image
        fields = [
            "file",
            "title",
            "alt",
            "caption",
            "credit",
            "licence",
            "licence_expires_on",
        ]
        help_texts = {"title": "Laissez vide pour reprendre celui du fichier."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.upload = None

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        self.upload = process_upload(uploaded)
        return uploaded


class ImageChangeForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = [
            "title",
            "alt",
            "caption",
            "credit",
            "licence",
            "licence_expires_on",
            "focal_x",
            "focal_y",
        ]
        widgets = {
            "focal_x": forms.NumberInput(
                attrs={"min": 0, "max": 100, "class": "vIntegerField"}
            ),
            "focal_y": forms.NumberInput(
                attrs={"min": 0, "max": 100, "class": "vIntegerField"}
            ),
        }

    def clean(self):
        cleaned = super().clean()
        x, y = cleaned.get("focal_x"), cleaned.get("focal_y")
        if (x is None) != (y is None):
            raise forms.ValidationError(
                "Donnez les deux coordonnées du point d’intérêt, ou aucune."
            )
        for name, value in (("focal_x", x), ("focal_y", y)):
            if value is not None and value > 100:
                self.add_error(name, "Un pourcentage entre 0 et 100.")
        return cleaned
