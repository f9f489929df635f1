"""Who counts as signed-in staff outside the admin (previews, staff-only
renditions): the same people the admin lets in.

When two-factor authentication is required (``ADMIN_2FA_REQUIRED``), the
admin only admits sessions verified with a code (django-otp's
``OTPAdminSite``); so must every other staff-only page, or a session opened
with a password alone, before the code was required, would still read drafts.
"""

from django.conf import settings
from django.contrib.auth.decorators import user_passes_test


def is_verified_staff(user) -> bool:
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    # ``is_verified`` is installed on the user by django-otp's middleware.
    return not settings.ADMIN_2FA_REQUIRED or user.is_verified()


# Anyone else is sent to the admin's login (settings.LOGIN_URL), which asks
# for the code, and brought back.
verified_staff_required = user_passes_test(is_verified_staff)
