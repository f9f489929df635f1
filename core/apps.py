"""Third-party apps named in French in the admin (their own names are
« Taggit », « Axes », « Otp_Totp »), each listed by these configs in
``INSTALLED_APPS`` in place of its own, as Django's documentation advises."""

from axes.apps import AppConfig as AxesConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig
from taggit.apps import TaggitAppConfig


def _rename(model, singular: str, plural: str) -> None:
    model._meta.verbose_name = singular
    model._meta.verbose_name_plural = plural


class TagsConfig(TaggitAppConfig):
    verbose_name = "Mots-clés"

    def ready(self):
        super().ready()
        _rename(self.get_model("Tag"), "mot-clé", "mots-clés")


class LoginSecurityConfig(AxesConfig):
    verbose_name = "Sécurité des connexions"


class AuthenticatorAppsConfig(TOTPConfig):
    verbose_name = "Double authentification"

    def ready(self):
        super().ready()
        _rename(
            self.get_model("TOTPDevice"),
            "application d’authentification",
            "applications d’authentification",
        )
