from django import forms

from newsletters.models import NewsletterList

CONSENT_TEXT = (
    "J’accepte de recevoir les newsletters choisies par e-mail. Je peux me "
    "désabonner à tout moment par le lien présent dans chaque envoi ; mon "
    "adresse ne sert qu’à ces envois et n’est jamais cédée."
)


class ListsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return f"{obj.name} — {obj.rhythm}"


def active_lists():
    return NewsletterList.objects.filter(active=True)


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label="Votre adresse e-mail",
        max_length=254,
        error_messages={
            "required": "Indiquez votre adresse e-mail.",
            "invalid": "Cette adresse e-mail n’est pas valide ; vérifiez-la (exemple : prenom@exemple.fr).",
        },
    )
    newsletters = ListsField(
        queryset=NewsletterList.objects.none(),
        label="Les newsletters que vous voulez recevoir",
        error_messages={"required": "Choisissez au moins une newsletter."},
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": "Cochez cette case pour vous inscrire."},
    )
    # A field people do not see: bots fill it in.
    website = forms.CharField(required=False, label="Ne pas remplir ce champ")
    source = forms.CharField(required=False, widget=forms.HiddenInput, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["newsletters"].queryset = active_lists()

    def is_bot(self) -> bool:
        return bool(self.data.get("website"))


class PreferencesForm(forms.Form):
    newsletters = ListsField(
        queryset=NewsletterList.objects.none(),
        required=False,
        label="Les newsletters que vous recevez",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["newsletters"].queryset = active_lists()
