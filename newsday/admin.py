"""django-otp's TOTP device pages (the setup page and its QR code) answer
404 for a device that does not exist: django-otp's own views look it up
with ``get()``, and a wrong number in the address was a 500."""

from django.contrib import admin
from django.shortcuts import get_object_or_404
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice


class FoundTOTPDeviceAdmin(TOTPDeviceAdmin):
    def config_view(self, request, pk):
        get_object_or_404(TOTPDevice, pk=pk)
        return super().config_view(request, pk)

    def qrcode_view(self, request, pk):
        get_object_or_404(TOTPDevice, pk=pk)
        return super().qrcode_view(request, pk)


admin.site.unregister(TOTPDevice)
admin.site.register(TOTPDevice, FoundTOTPDeviceAdmin)
