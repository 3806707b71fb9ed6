from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from articles.models import Group, Section


class DirectoryIndexView(TemplateView):
    template_name = "directory/index.html"

    def get_context_data(self, **kwargs):
        group = get_object_or_404(Group, kind=Group.Kind.DIRECTORY)
        return super().get_context_data(current_group=group, **kwargs)


class CategoryView(TemplateView):
    template_name = "directory/index.html"

    def get_context_data(self, **kwargs):
        section = get_object_or_404(
            Section.objects.select_related("group"), slug=self.kwargs["category"], group__kind=Group.Kind.DIRECTORY
        )
        return super().get_context_data(current_group=section.group, current_section=section, **kwargs)
