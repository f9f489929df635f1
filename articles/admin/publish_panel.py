"""The article form's part behind the edit page's « Publication » panel
(templates/admin/articles/article/_publish_panel.html): the date and the
comment its buttons send, checked before anything is saved. The buttons
themselves and what follows the save: ``workflow_actions``."""

from django import forms
from django.utils import timezone

from articles.admin.dates import paris_datetime_field


class PublishPanelForm(forms.Form):
    """Mixed into ``ArticleAdminForm``; ``clean()`` there calls
    ``_clean_workflow_request`` when a panel button (``_workflow``) was
    pressed."""

    # The side panel's publication time and comment: read only when one of
    # its buttons (``name="_workflow"``) is pressed; see ``workflow_request``.
    go_live_at = paris_datetime_field(
        "date de publication",
        required=False,
        help_text="Heure de Paris, à la minute ; secondes ci-contre si besoin.",
    )
    go_live_seconds = forms.IntegerField(
        label="secondes",
        required=False,
        min_value=0,
        max_value=59,
        widget=forms.NumberInput(attrs={"min": 0, "max": 59, "placeholder": "00"}),
    )
    workflow_comment = forms.CharField(
        label="commentaire",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Pour le journal éditorial ; obligatoire pour « Renvoyer ».",
    )

    # Set by ArticleAdmin.get_form: the buttons this person may press on
    # this article (workflow action slugs).
    panel_actions = frozenset()
    # Set by clean(): the panel's transition to apply once the form is saved,
    # as (action slug, the service's keyword arguments).
    workflow_request = None

    def _clean_workflow_request(self, action, cleaned):
        """Check a side-panel button before anything is saved: a refusal
        leaves the article as it was and the typed text in the form."""
        if action not in self.panel_actions:
            raise forms.ValidationError(
                "Cette action n’est pas possible sur cet article, ou vous n’en avez pas le droit.",
                code="workflow_refused",
            )
        comment = (cleaned.get("workflow_comment") or "").strip()
        kwargs = {"comment": comment}
        if action == "renvoyer" and not comment:
            self.add_error(
                "workflow_comment", "Dites au journaliste ce qu’il faut revoir."
            )
        if action == "programmer":
            go_live = cleaned.get("go_live_at")
            if go_live is not None and cleaned.get("go_live_seconds"):
                go_live = go_live.replace(second=cleaned["go_live_seconds"])
            if go_live is None:
                if "go_live_at" not in self.errors:
                    self.add_error(
                        "go_live_at", "Indiquez quand mettre l’article en ligne."
                    )
            elif go_live <= timezone.now():
                self.add_error(
                    "go_live_at",
                    "Cette date est passée : choisissez une date à venir, ou « Publier maintenant ».",
                )
            kwargs["publish_at"] = go_live
            # A date of withdrawal already set stays (the service checks it).
            kwargs["unpublish_at"] = self.instance.unpublish_at
        self.workflow_request = (action, kwargs)
