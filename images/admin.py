import datetime as dt

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed, JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import format_html

from core.adminpages import FrenchTitles, admin_page, admin_route, admin_url
from core.formats import french_date
from images.forms import ImageChangeForm, ImageUploadForm
from images.models import LICENCE_WARNING_DAYS, Image
from images.processing import ACCEPTED_MIME_TYPES
from images.renditions import SPECS, THUMBNAIL_SPEC, rendition_url, size_for
from images.services import image_create, image_delete, image_reset_crops
from images.usage import uses

CHOOSER_PAGE_SIZE = 24
# What the bulk upload page applies to every photo (alt text is per photo).
BULK_SHARED_FIELDS = ["caption", "credit", "licence", "licence_expires_on"]
PREVIEW_SPEC = SPECS["w640.jpg"]


class LicenceExpiryFilter(admin.SimpleListFilter):
    title = "échéance des droits"
    parameter_name = "droits"

    def lookups(self, request, model_admin):
        return [
            ("expires", "expirés"),
            ("bientot", f"expirent sous {LICENCE_WARNING_DAYS} jours"),
            ("valables", f"valables plus de {LICENCE_WARNING_DAYS} jours"),
            ("sans", "sans échéance"),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        match self.value():
            case "expires":
                return queryset.licence_expired(today)
            case "bientot":
                return queryset.licence_expiring(today)
            case "valables":
                return queryset.filter(
                    licence_expires_on__gt=today
                    + dt.timedelta(days=LICENCE_WARNING_DAYS)
                )
            case "sans":
                return queryset.filter(licence_expires_on__isnull=True)
        return queryset


def chooser_item(image):
    """What the chooser dialog shows of an image (text is set with
    ``textContent`` in the browser, so metadata is never read as HTML)."""
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.alt,
        "caption": image.caption,
        "credit": image.credit,
        "width": image.width,
        "height": image.height,
        "thumbnail": rendition_url(image, THUMBNAIL_SPEC),
        "licence_status": image.licence_status() or "",
        "licence_expires": french_date(image.licence_expires_on),
        "change_url": admin_url(Image, "change", image.pk),
    }


def thumbnail_html(image):
    """An 80-pixel-wide preview for admin lists (« — » without an image).
    Prefetch the thumbnail rendition to keep lists at a constant query count."""
    if image is None or not image.width:
        return "—"
    return format_html(
        '<img class="image-thumbnail" src="{}" alt="" width="80" height="{}" loading="lazy">',
        rendition_url(image, THUMBNAIL_SPEC),
        max(1, round(80 * image.height / image.width)),
    )


@admin.register(Image)
class ImageAdmin(FrenchTitles, admin.ModelAdmin):
    add_title = "Nouvelle image"
    list_title = "Photothèque"
    list_display = [
        "thumbnail",
        "title",
        "credit",
        "licence",
        "licence_expiry",
        "dimensions",
        "uploaded_at",
        "uploaded_by",
    ]
    list_display_links = ["thumbnail", "title"]
    list_filter = [
        "licence",
        LicenceExpiryFilter,
        ("uploaded_at", admin.DateFieldListFilter),
    ]
    list_select_related = ["uploaded_by"]
    search_fields = ["title", "alt", "caption", "credit"]
    search_help_text = (
        "Rechercher dans le titre, le texte alternatif, la légende ou le crédit."
    )
    date_hierarchy = "uploaded_at"
    list_per_page = 50
    change_list_template = "images/admin/image_change_list.html"
    readonly_fields = [
        "focal_point_picker",
        "dimensions",
        "weight",
        "uploaded_by",
        "uploaded_at",
        "usage",
    ]

    class Media:
        js = ["images/admin/focal-point.js"]
        css = {"all": ["images/admin/chooser.css"]}

    def get_form(self, request, obj=None, **kwargs):
        kwargs["form"] = ImageChangeForm if obj else ImageUploadForm
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [
                (None, {"fields": ["file", "title", "alt", "caption", "credit"]}),
                ("Droits", {"fields": ["licence", "licence_expires_on"]}),
            ]
        return [
            (None, {"fields": ["title", "alt", "caption", "credit"]}),
            ("Droits", {"fields": ["licence", "licence_expires_on", "usage"]}),
            (
                "Recadrage",
                {"fields": ["focal_point_picker", "focal_x", "focal_y"]},
            ),
            (
                "Fichier",
                {"fields": ["dimensions", "weight", "uploaded_by", "uploaded_at"]},
            ),
        ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_renditions([THUMBNAIL_SPEC.name])

    def save_model(self, request, obj, form, change):
        if not change:
            image_create(image=obj, upload=form.upload, uploaded_by=request.user)
            return
        super().save_model(request, obj, form, change)
        if {"focal_x", "focal_y"} & set(form.changed_data):
            image_reset_crops(image=obj)

    def delete_model(self, request, obj):
        image_delete(image=obj)

    def delete_queryset(self, request, queryset):
        for image in queryset:
            image_delete(image=image)

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        # Body references are not foreign keys: protect them by hand.
        for places in uses([o.pk for o in objs], viewer=request.user).values():
            protected.extend(
                f"«\u00a0{place.title}\u00a0» (image dans le texte)"
                for place in places
                if place.in_text
            )
        return deleted, counts, perms_needed, protected

    @admin.display(description="aperçu")
    def thumbnail(self, image):
        return thumbnail_html(image)

    @admin.display(description="droits jusqu’au", ordering="licence_expires_on")
    def licence_expiry(self, image):
        if not image.licence_expires_on:
            return "—"
        status = image.licence_status()
        label = {"expired": "expirés", "expiring": "bientôt"}.get(status, "")
        return format_html(
            '{} <span class="licence-badge licence-badge--{}">{}</span>',
            french_date(image.licence_expires_on),
            status or "ok",
            label,
        )

    @admin.display(description="dimensions")
    def dimensions(self, image):
        return f"{image.width}\u00a0\u00d7\u00a0{image.height}\u00a0px"

    @admin.display(description="poids")
    def weight(self, image):
        return f"{image.file_size / 1024:.0f}\u00a0Ko".replace(".", ",")

    @admin.display(description="point d’intérêt")
    def focal_point_picker(self, image):
        width, height = size_for(image, PREVIEW_SPEC)
        return render_to_string(
            "images/admin/focal_point.html",
            {
                "image": image,
                "src": rendition_url(image, PREVIEW_SPEC),
                "width": width,
                "height": height,
            },
        )

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        if obj is not None:
            # « utilisée dans » names only what this person may see; the
            # read-only field is given the image alone, so it reads this.
            obj.places = uses([obj.pk], viewer=request.user)[obj.pk]
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description="utilisée dans")
    def usage(self, image):
        places = getattr(image, "places", [])
        return ", ".join(place.title for place in places) or "aucun article"

    def get_urls(self):
        return [
            admin_route(self, "choisir/", self.chooser, "chooser"),
            admin_route(
                self, "choisir/televerser/", self.chooser_upload, "chooser_upload"
            ),
            admin_route(self, "televersement/", self.bulk_upload, "bulk_upload"),
            admin_route(self, "droits/", self.licence_report, "licences"),
            *super().get_urls(),
        ]

    def chooser(self, request):
        """JSON for the chooser dialog: images matching ``q`` (or ``id``), newest first."""
        if not self.has_view_permission(request):
            return JsonResponse({"results": []}, status=403)
        images = self.get_queryset(request)
        # Ids a primary key can hold: ASCII digits, 18 at most (under 2⁶³).
        if ids := [
            i
            for i in request.GET.get("id", "").split(",")
            if i.isascii() and i.isdigit() and len(i) <= 18
        ]:
            images = images.filter(pk__in=ids[:50])
        elif terms := request.GET.get("q", "").strip()[:200]:
            images = images.search(terms)
        page = Paginator(images, CHOOSER_PAGE_SIZE).get_page(request.GET.get("page"))
        return JsonResponse(
            {
                "results": [chooser_item(image) for image in page],
                "next_page": page.next_page_number() if page.has_next() else None,
            }
        )

    def chooser_upload(self, request):
        """GET: the blank upload form (HTML). POST: upload one photo from the
        chooser or the bulk page: 201 with the image, or 400 with French
        errors and nothing stored."""
        if not self.has_add_permission(request):
            return JsonResponse({"errors": {"__all__": ["Accès refusé."]}}, status=403)
        if request.method == "GET":
            form = ImageUploadForm(auto_id="chooser_%s")
            return TemplateResponse(
                request, "images/admin/upload_form.html", {"form": form}
            )
        if request.method != "POST":
            return HttpResponseNotAllowed(["GET", "POST"])
        form = ImageUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
        image = image_create(
            image=form.save(commit=False), upload=form.upload, uploaded_by=request.user
        )
        return JsonResponse({"image": chooser_item(image)}, status=201)

    def bulk_upload(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImageUploadForm()
        return admin_page(
            self,
            request,
            "images/admin/bulk_upload.html",
            "Téléverser plusieurs photos",
            shared_fields=[form[name] for name in BULK_SHARED_FIELDS],
            accept=ACCEPTED_MIME_TYPES,
            upload_url=admin_url(Image, "chooser_upload"),
            media=self.media,
        )

    def licence_report(self, request):
        """Images whose licence has expired or ends within 30 days, with the
        articles using them (those readers can see are flagged)."""
        images = list(
            Image.objects.licence_needs_attention().with_renditions(
                [THUMBNAIL_SPEC.name]
            )
        )
        usage = uses([image.pk for image in images], viewer=request.user)
        rows = [
            {
                "image": image,
                "thumbnail": rendition_url(image, THUMBNAIL_SPEC),
                "expires": french_date(image.licence_expires_on),
                "status": image.licence_status(),
                "uses": usage.get(image.pk, []),
            }
            for image in images
        ]
        return admin_page(
            self,
            request,
            "images/admin/licence_report.html",
            "Droits des photos à surveiller",
            rows=rows,
            days=LICENCE_WARNING_DAYS,
        )
