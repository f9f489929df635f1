"""Dates typed in the admin: the browser's date and time picker, read as
Europe/Paris time (the site's time zone)."""

from django import forms

from articles.services.checks import DATE_OUT_OF_RANGE, in_schedule_years


class ParisDateTimeInput(forms.DateTimeInput):
    """The browser's date-and-time picker; times are Europe/Paris (the site's
    time zone), and a time that does not exist or happens twice on a
    daylight-saving change is refused by the field with a clear message."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs={"step": 60, **(attrs or {})}, format="%Y-%m-%dT%H:%M")


class ParisDateTimeField(forms.DateTimeField):
    def to_python(self, value):
        try:
            moment = super().to_python(value)
        except forms.ValidationError as error:
            if error.code == "ambiguous_timezone":
                raise forms.ValidationError(
                    "À Paris, cette heure n’existe pas ou revient deux fois ce jour-là "
                    "(changement d’heure) : choisissez-en une autre.",
                    code="ambiguous_timezone",
                ) from error
            raise
        if moment is not None and not in_schedule_years(moment):
            raise forms.ValidationError(DATE_OUT_OF_RANGE, code="out_of_range")
        return moment


def paris_datetime_field(label, *, required=True, help_text=""):
    return ParisDateTimeField(
        label=label,
        required=required,
        help_text=help_text or "Heure de Paris.",
        widget=ParisDateTimeInput,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y %H:%M"],
    )
