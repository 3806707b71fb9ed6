import datetime

import pytest
from django.contrib.auth.models import Group as Role
from django.db import connection
from django.test.utils import CaptureQueriesContext

from contact.models import AdRequest, ReferenceSequence, Tip
from contact.services import ad_request_create, tip_create

pytestmark = pytest.mark.django_db


def make_tip(title="버스 정류장 지붕이 부서졌어요", **extra):
    return tip_create(fields={"name": "", "phone": "", "email": "", "title": title, "content": "내용", **extra})


def make_ad(company="운정 치킨", **extra):
    fields = {
        "company": company,
        "contact_person": "나상점",
        "phone": "031-000-0000",
        "email": "shop@example.com",
        "kind": AdRequest.Kind.PRINT,
        "period": "",
        "budget": "",
        "message": "문의합니다.",
        **extra,
    }
    return ad_request_create(fields=fields)


def test_desk_role_works_both_inboxes_and_reporters_do_not(client, editor, reporter):
    desk = Role.objects.get(name="데스크")
    codenames = set(desk.permissions.values_list("codename", flat=True))
    assert {"view_tip", "change_tip", "view_adrequest", "change_adrequest", "change_adguide"} <= codenames
    make_tip()
    client.force_login(editor)
    assert client.get("/admin/contact/tip/").status_code == 200
    assert client.get("/admin/contact/adrequest/").status_code == 200
    client.force_login(reporter)
    assert client.get("/admin/contact/tip/").status_code == 403


def test_inbox_lists_new_items_with_status_and_filters_by_status(client, editor):
    waiting = make_tip("접수된 제보")
    reviewed = make_tip("검토 중인 제보")
    Tip.objects.filter(pk=reviewed.pk).update(status=Tip.Status.REVIEWING)
    client.force_login(editor)
    everything = client.get("/admin/contact/tip/").content.decode()
    assert waiting.reference in everything and reviewed.reference in everything
    only_new = client.get("/admin/contact/tip/?status__exact=received").content.decode()
    assert waiting.title in only_new
    assert reviewed.title not in only_new
    assert "검토중" in everything


def test_nobody_adds_a_tip_in_the_admin(client, editor):
    client.force_login(editor)
    assert client.get("/admin/contact/tip/add/").status_code == 403


def change(client, obj, **data):
    url = f"/admin/contact/{obj._meta.model_name}/{obj.pk}/change/"
    return client.post(url, {"note": obj.note, "status": obj.status, **data})


def test_editor_moves_an_ad_request_along_the_flow_and_keeps_notes(client, editor):
    ad_request = make_ad()
    client.force_login(editor)
    page = client.get(f"/admin/contact/adrequest/{ad_request.pk}/change/").content.decode()
    assert '<option value="reviewing">검토중</option>' in page
    assert '<option value="contracted">' not in page  # not straight from 접수 to 계약
    assert "여기서 갈 수 있는 상태: 검토중, 반려" in page
    assert change(client, ad_request, status="reviewing", note="단가표 보냄").status_code == 302
    ad_request.refresh_from_db()
    assert (ad_request.status, ad_request.note, ad_request.handled_by) == ("reviewing", "단가표 보냄", editor)
    assert change(client, ad_request, status="contracted").status_code == 302
    ad_request.refresh_from_db()
    assert ad_request.status == AdRequest.Status.CONTRACTED


def test_a_status_outside_the_flow_is_refused(client, editor):
    ad_request = make_ad()
    client.force_login(editor)
    response = change(client, ad_request, status="contracted")
    assert response.status_code == 200
    ad_request.refresh_from_db()
    assert ad_request.status == AdRequest.Status.RECEIVED


def test_tip_flow_goes_received_reviewing_adopted_or_on_hold(client, editor):
    tip = make_tip()
    assert set(tip.next_statuses()) == {Tip.Status.REVIEWING, Tip.Status.ON_HOLD}
    client.force_login(editor)
    change(client, tip, status="reviewing")
    tip.refresh_from_db()
    assert set(tip.next_statuses()) == {Tip.Status.ADOPTED, Tip.Status.ON_HOLD}
    change(client, tip, status="adopted", note="다음 주 기획 기사로")
    tip.refresh_from_db()
    assert tip.get_status_display() == "채택"


def test_what_the_sender_typed_cannot_be_changed_in_the_admin(client, editor):
    tip = make_tip("원래 제목")
    client.force_login(editor)
    change(client, tip, title="바꾼 제목", status="reviewing")
    tip.refresh_from_db()
    assert tip.title == "원래 제목"
    assert tip.status == "reviewing"


def test_inbox_shows_attachment_links_for_staff(client, editor, tip_data, png_file):
    client.post("/contact/tip/", {**tip_data(), "attachments": [png_file("현장.png")]})
    tip = Tip.objects.get()
    client.force_login(editor)
    page = client.get(f"/admin/contact/tip/{tip.pk}/change/").content.decode()
    assert f'href="/contact/attachments/{tip.attachments.get().pk}/">현장.png</a>' in page


def test_references_count_per_kind_and_day_and_restart_each_day():
    day = datetime.date(2026, 11, 28)
    assert ReferenceSequence.next_reference("T", day) == "T-20261128-0001"
    assert ReferenceSequence.next_reference("T", day) == "T-20261128-0002"
    assert ReferenceSequence.next_reference("A", day) == "A-20261128-0001"
    assert ReferenceSequence.next_reference("T", day + datetime.timedelta(days=1)) == "T-20261129-0001"


def test_inbox_list_query_count_does_not_grow_with_the_inbox(client, editor):
    client.force_login(editor)
    make_tip()
    client.get("/admin/contact/tip/")
    with CaptureQueriesContext(connection) as small:
        client.get("/admin/contact/tip/")
    for number in range(30):
        make_tip(f"제보 {number}")
    with CaptureQueriesContext(connection) as large:
        client.get("/admin/contact/tip/")
    assert len(large) == len(small)
