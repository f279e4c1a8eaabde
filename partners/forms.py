from django import forms
from django.utils.translation import gettext_lazy as _


class UploadForm(forms.Form):
    po_file = forms.FileField(
        label=_("Translated PO file"),
        help_text=_("The file you downloaded for this page, translated in any PO editor."),
        widget=forms.ClearableFileInput(attrs={"accept": ".po,text/x-gettext-translation"}),
    )


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("What should the translator change?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
