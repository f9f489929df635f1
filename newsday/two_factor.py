"""The admin's login when staff two-factor authentication is required
(``ADMIN_2FA_REQUIRED``, django-otp with TOTP devices).

django-otp's own form asks which device gave the code, but shows that choice
only after a first failed try (it cannot list a person's devices before their
password is checked), and speaks English. Here a person with one device, the
usual case, logs in on the first submit; one with several is asked to choose,
with what they typed kept; every message is French.
"""

from django import forms
from django_otp import devices_for_user
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite
from django_otp.forms import OTPAuthenticationFormMixin


class TwoFactorLoginForm(OTPAdminAuthenticationForm):
    otp_device = forms.CharField(label="Appareil", required=False, widget=forms.Select)
    otp_token = forms.CharField(
        label="Code à usage unique",
        required=False,
        help_text="Les six chiffres affichés par l’application d’authentification.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    otp_error_messages = OTPAuthenticationFormMixin.otp_error_messages | {
        "token_required": "Saisissez le code à usage unique de votre application d’authentification.",
        "invalid_token": "Ce code n’est pas le bon ou a expiré\u00a0: saisissez le code affiché maintenant.",
        "device_required": "Choisissez l’appareil qui a donné ce code.",
        "n_failed_attempts": "Trop d’essais manqués (%(failure_count)d)\u00a0: attendez un peu avant de saisir un nouveau code.",
        "verification_not_allowed": "La vérification du code est momentanément impossible\u00a0: réessayez dans un instant.",
        "not_interactive": "Cet appareil n’envoie pas de code\u00a0: saisissez celui qu’il affiche.",
        "challenge_exception": "Le code n’a pas pu être envoyé\u00a0: {0}",
        "challenge_message": "{0}",
    }

    def clean_otp(self, user):
        if user is not None and not self.cleaned_data.get("otp_device"):
            devices = list(devices_for_user(user))
            if not devices:
                raise forms.ValidationError(
                    "Aucun appareil d’authentification n’est enregistré pour ce "
                    "compte\u00a0: demandez à un administrateur d’en ajouter un.",
                    code="no_device",
                )
            if len(devices) == 1:
                # Nothing to choose: that device is the one that gave the code.
                self.cleaned_data["otp_device"] = devices[0].persistent_id
        super().clean_otp(user)


class TwoFactorAdminSite(OTPAdminSite):
    """The admin site once two-factor authentication is required: only
    sessions verified with a code reach it (``OTPAdminSite``)."""

    login_form = TwoFactorLoginForm
    login_template = "admin/two_factor_login.html"
