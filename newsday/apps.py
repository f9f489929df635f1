from django.apps import AppConfig


class NewsdayConfig(AppConfig):
    name = "newsday"
    verbose_name = "Exploitation"

    def ready(self):
        from django.conf import settings

        from newsday import invalidation

        invalidation.connect()
        if settings.ADMIN_2FA_REQUIRED:
            from django.contrib import admin

            from newsday.two_factor import TwoFactorAdminSite

            # django-otp's documented switch (an OTPAdminSite): the admin
            # login then asks for a TOTP code, and only verified staff reach
            # the admin.
            admin.site.__class__ = TwoFactorAdminSite
