"""Where tip and ad-request attachments live: outside MEDIA_ROOT, so no URL ever serves them.

Staff download them through `contact:attachment`, which always answers as a download.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    # Read the setting on every use (not once at import) so tests and deployments can move it.
    @property
    def base_location(self):
        return settings.CONTACT_UPLOAD_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Contact attachments have no public URL.")


private_storage = PrivateStorage(file_permissions_mode=0o600, directory_permissions_mode=0o700)


def get_private_storage():
    return private_storage
