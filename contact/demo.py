"""Demo inboxes: a handful of fictional tips and ad requests in every status, plus the ad guide.

Each item is matched by its title (tips) or company (ads), so seeding again adds nothing twice.
"""

import datetime
import io
import zipfile

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from .models import AdGuide, AdRequest, Attachment, ReferenceSequence, Tip

TIPS = [
    # days ago, status, name, phone, email, title, content, note, attachment ("photo", "hwpx" or None)
    (
        0,
        Tip.Status.RECEIVED,
        "",
        "",
        "",
        "금촌역 앞 횡단보도 신호가 너무 짧습니다",
        "금촌역 2번 출구 앞 횡단보도 보행 신호가 15초 남짓이라 어르신들이 절반도 못 건너고 신호가 바뀝니다. "
        "저녁 퇴근 시간에는 차량도 많아 아찔한 순간이 자주 있습니다. 확인해 주시면 좋겠습니다.",
        "",
        "photo",
    ),
    (
        1,
        Tip.Status.REVIEWING,
        "한보람",
        "010-0000-1234",
        "boram@example.com",
        "운정 새 도서관 주차장이 석 달째 닫혀 있어요",
        "지난여름 문을 연 운정 새 도서관의 지하 주차장이 공사 마무리를 이유로 석 달째 닫혀 있습니다. "
        "주변 골목에 차가 몰려 주민 불편이 큽니다. 언제 여는지 안내도 없습니다.",
        "시설관리공단 담당자와 통화 예정 (목요일 오전).",
        None,
    ),
    (
        3,
        Tip.Status.ADOPTED,
        "문산 주민",
        "",
        "",
        "문산천 산책로에 반딧불이가 돌아왔습니다",
        "문산천 하류 산책로에서 요즘 밤마다 반딧불이를 볼 수 있습니다. 몇 해 전 하천 정비 뒤로 처음입니다. "
        "동네 아이들과 밤 산책을 다니는데, 좋은 소식이라 알려 드립니다.",
        "환경 기획 기사로 채택. 사진기자 동행 취재.",
        None,
    ),
    (
        6,
        Tip.Status.ON_HOLD,
        "",
        "",
        "",
        "교하동 상가 간판 정비 사업 문의",
        "교하동 상가 간판 정비 사업에 참여하라는 안내를 받았는데 비용 부담 기준이 가게마다 다르다는 말이 있습니다.",
        "사실 확인 더 필요. 상인회 답변 기다리는 중.",
        None,
    ),
    (
        2,
        Tip.Status.REVIEWING,
        "문산읍 주민자치회",
        "031-000-2468",
        "munsan-jachi@example.com",
        "문산읍 김장 나눔 행사 보도자료 보냅니다",
        "문산읍 주민자치회가 이번 주 토요일 문산읍 행정복지센터 앞마당에서 홀몸 어르신 120가구에 나눌 김장을 "
        "담급니다. 자세한 일정과 참여 단체는 첨부한 보도자료(한글 파일)를 봐 주세요.",
        "행사 당일 사진 취재 가능한지 확인.",
        "hwpx",
    ),
]

ADS = [
    # days ago, status, company, person, phone, email, kind, period, budget, message, note, pdf?
    (
        0,
        AdRequest.Status.RECEIVED,
        "파주 한결베이커리",
        "윤하늘",
        "031-000-1111",
        "bakery@example.com",
        AdRequest.Kind.DIRECTORY,
        "2027년 1월부터 1년",
        "연 24만 원",
        "운정에 두 번째 매장을 열었습니다. 우리동네업소소개에 두 매장을 함께 올리고 싶습니다.",
        "",
        False,
    ),
    (
        2,
        AdRequest.Status.REVIEWING,
        "(주)임진강캠핑",
        "서도윤",
        "031-000-2222",
        "camp@example.com",
        AdRequest.Kind.BANNER,
        "2026년 12월 한 달",
        "월 50만 원 안팎",
        "겨울 캠핑 시즌 할인 행사를 알리는 측면 배너를 한 달 걸고 싶습니다. 시안을 첨부합니다.",
        "단가표 보내 드림. 시안 크기 300×250으로 다시 요청.",
        True,
    ),
    (
        9,
        AdRequest.Status.CONTRACTED,
        "파주시민합창단",
        "강은솔",
        "010-0000-3333",
        "choir@example.com",
        AdRequest.Kind.PRINT,
        "12월 둘째 주 1회",
        "15만 원",
        "송년 음악회 안내를 지면 박스 광고로 싣고 싶습니다.",
        "박스 광고 1회 계약 완료. 원고 12월 5일까지 받기로 함.",
        False,
    ),
    (
        14,
        AdRequest.Status.REJECTED,
        "고수익 투자클럽",
        "김대박",
        "010-0000-4444",
        "profit@example.com",
        AdRequest.Kind.ADVERTORIAL,
        "즉시",
        "협의",
        "원금 보장 고수익 투자 상품을 기사 형식으로 소개해 주세요.",
        "원금 보장 표현은 금융 광고 심의 기준 위반 소지. 정중히 반려함.",
        False,
    ),
]


def _demo_photo():
    image = Image.new("RGB", (800, 533), (190, 200, 210))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 380, 800, 533), fill=(70, 70, 75))
    for x in range(40, 800, 90):
        draw.rectangle((x, 430, x + 50, 470), fill=(240, 240, 240))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def _demo_pdf():
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 250]>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


def _demo_hwpx():
    """A one-paragraph 한글 document (HWPX: a zip with the mimetype first, stored, and Contents/)."""
    hwpml = "http://www.hancom.co.kr/hwpml/2011"
    parts = {
        "version.xml": f'<?xml version="1.0" encoding="UTF-8"?><hv:HCFVersion xmlns:hv="{hwpml}/version" major="5"/>',
        "META-INF/container.xml": '<?xml version="1.0" encoding="UTF-8"?>'
        '<ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container"><ocf:rootfiles>'
        '<ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/>'
        "</ocf:rootfiles></ocf:container>",
        "Contents/content.hpf": '<?xml version="1.0" encoding="UTF-8"?><opf:package xmlns:opf="http://www.idpf.org/2007/opf/">'
        '<opf:manifest><opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/>'
        '</opf:manifest><opf:spine><opf:itemref idref="section0"/></opf:spine></opf:package>',
        "Contents/header.xml": f'<?xml version="1.0" encoding="UTF-8"?><hh:head xmlns:hh="{hwpml}/head" secCnt="1"/>',
        "Contents/section0.xml": f'<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="{hwpml}/section" '
        f'xmlns:hp="{hwpml}/paragraph"><hp:p><hp:run><hp:t>보도자료: 문산읍 주민자치회 김장 나눔 행사</hp:t>'
        "</hp:run></hp:p></hs:sec>",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/hwp+zip", compress_type=zipfile.ZIP_STORED)
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _attach(owner_field, owner, name, content_type, data):
    extension = "." + Attachment.EXTENSIONS[content_type]
    attachment = Attachment(**{owner_field: owner}, original_name=name, content_type=content_type, size=len(data))
    attachment.file.save(f"demo{extension}", ContentFile(data), save=False)
    attachment.save()


def _when(days_ago, hour):
    """That hour of a past day; today's never later than now (nothing in the inbox is from the future)."""
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    return min(timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 20))), timezone.now())


def seed(out):
    AdGuide.load()  # the data migration wrote the default guide; make sure it exists
    desk = get_user_model().objects.filter(username="desk").first()
    for days_ago, status, name, phone, email, title, content, note, attachment in TIPS:
        if Tip.objects.filter(title=title).exists():
            continue
        when = _when(days_ago, 9 + days_ago)
        tip = Tip.objects.create(
            reference=ReferenceSequence.next_reference(Tip.PREFIX, timezone.localdate(when)),
            name=name,
            phone=phone,
            email=email,
            title=title,
            content=content,
            status=status,
            note=note,
            handled_by=desk if status != Tip.Status.RECEIVED else None,
            consented_at=when,
            created_at=when,
        )
        if attachment == "photo":
            _attach("tip", tip, "횡단보도_사진.jpg", Attachment.Kind.JPEG, _demo_photo())
        elif attachment == "hwpx":
            _attach("tip", tip, "김장나눔_보도자료.hwpx", Attachment.Kind.HWPX, _demo_hwpx())
    for days_ago, status, company, person, phone, email, kind, period, budget, message, note, pdf in ADS:
        if AdRequest.objects.filter(company=company).exists():
            continue
        when = _when(days_ago, 10 + days_ago % 8)
        ad_request = AdRequest.objects.create(
            reference=ReferenceSequence.next_reference(AdRequest.PREFIX, timezone.localdate(when)),
            company=company,
            contact_person=person,
            phone=phone,
            email=email,
            kind=kind,
            period=period,
            budget=budget,
            message=message,
            status=status,
            note=note,
            handled_by=desk if status != AdRequest.Status.RECEIVED else None,
            consented_at=when,
            created_at=when,
        )
        if pdf:
            _attach("ad_request", ad_request, "겨울캠핑_배너시안.pdf", Attachment.Kind.PDF, _demo_pdf())


def logins():
    return ["  기사제보·광고신청 받은편지함: /admin/contact/ (데스크 계정으로)"]
