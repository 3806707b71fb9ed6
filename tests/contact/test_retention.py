import datetime
import io
import os
import threading

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from contact.models import AdRequest, Attachment, ReferenceSequence, Tip

pytestmark = pytest.mark.django_db


def submit_tip_with_file(client, tip_data, png_file, title="오래된 제보"):
    client.post("/contact/tip/", {**tip_data(title=title), "attachments": [png_file()]})
    return Tip.objects.get(title=title)


def test_tips_older_than_a_year_are_destroyed_with_their_files(client, tip_data, png_file):
    old = submit_tip_with_file(client, tip_data, png_file)
    path = old.attachments.get().file.path
    assert os.path.exists(path)
    Tip.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=366))
    recent = submit_tip_with_file(client, tip_data, png_file, title="최근 제보")
    out = io.StringIO()
    call_command("purge_contact", stdout=out)
    assert "파기한 접수 1건" in out.getvalue()
    assert list(Tip.objects.all()) == [recent]
    assert not Attachment.objects.filter(tip_id=old.pk).exists()
    assert not os.path.exists(path)


def test_contracts_are_kept_five_years_other_ad_requests_one(client, ad_data):
    for company in ("계약한 가게", "반려된 가게"):
        client.post("/contact/ads/", ad_data(company=company))
    two_years_ago = timezone.now() - datetime.timedelta(days=730)
    AdRequest.objects.filter(company="계약한 가게").update(status="contracted", updated_at=two_years_ago)
    AdRequest.objects.filter(company="반려된 가게").update(status="rejected", updated_at=two_years_ago)
    call_command("purge_contact", stdout=io.StringIO())
    assert list(AdRequest.objects.values_list("company", flat=True)) == ["계약한 가게"]


def test_deleting_a_tip_in_the_admin_removes_its_files(client, tip_data, png_file, editor):
    tip = submit_tip_with_file(client, tip_data, png_file)
    path = tip.attachments.get().file.path
    assert os.path.exists(path)
    client.force_login(editor)
    response = client.post(f"/admin/contact/tip/{tip.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Tip.objects.exists()
    assert not os.path.exists(path)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
def test_simultaneous_submissions_never_share_a_reference():
    day = datetime.date(2026, 11, 28)
    references, barrier = [], threading.Barrier(8)

    def take():
        barrier.wait()
        try:
            references.append(ReferenceSequence.next_reference("T", day))
        finally:
            connection.close()

    threads = [threading.Thread(target=take) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(references) == [f"T-20261128-{n:04d}" for n in range(1, 9)]


def test_a_failed_save_leaves_neither_a_row_nor_a_file(client, tip_data, png_file, monkeypatch, settings):
    from django.db import DatabaseError

    def broken_save(self, *args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(Attachment, "save", broken_save)
    client.raise_request_exception = True
    with pytest.raises(DatabaseError):
        client.post("/contact/tip/", {**tip_data(), "attachments": [png_file()]})
    assert not Tip.objects.exists()
    assert not [path for path in settings.CONTACT_UPLOAD_ROOT.rglob("*") if path.is_file()]
