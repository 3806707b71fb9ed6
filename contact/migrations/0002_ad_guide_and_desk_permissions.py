"""The default 광고안내 text, and the 데스크 role's right to work the tip and ad-request inboxes."""

from django.db import migrations

from articles.roles import grant_permissions

GUIDE_INTRO = (
    "퍼스트신문은 파주 시민이 매일 찾는 지역 소식 창구입니다. "
    "우리 동네 가게와 기관, 행사를 파주 독자에게 알리고 싶다면 아래 상품을 살펴보시고 온라인으로 신청해 주세요. "
    "모든 광고에는 기사와 구분되도록 \u201c광고\u201d 표시가 붙습니다."
)

GUIDE_BODY = """<h2>온라인 광고</h2>
<table>
<thead><tr><th scope="col">상품</th><th scope="col">위치</th><th scope="col">규격(픽셀)</th><th scope="col">단가(부가세 별도)</th></tr></thead>
<tbody>
<tr><td>상단 배너</td><td>모든 페이지 머리글 아래</td><td>970 × 90 (모바일 320 × 100)</td><td>월 60만 원</td></tr>
<tr><td>측면 배너</td><td>첫 화면과 기사 목록 오른쪽</td><td>300 × 250</td><td>월 35만 원</td></tr>
<tr><td>기사 안 배너</td><td>기사 본문 아래</td><td>640 × 120</td><td>월 40만 원</td></tr>
<tr><td>기사형 광고</td><td>해당 분야 섹션, \u201c광고\u201d 표시</td><td>원고지 8매 안팎, 사진 3장</td><td>1건 50만 원</td></tr>
<tr><td>우리동네업소소개</td><td>업소 소개 목록 상단, \u201c광고\u201d 표시</td><td>사진 5장, 소개글</td><td>연 24만 원</td></tr>
</tbody>
</table>
<h2>지면 광고</h2>
<table>
<thead><tr><th scope="col">상품</th><th scope="col">규격</th><th scope="col">단가(1회, 부가세 별도)</th></tr></thead>
<tbody>
<tr><td>전면</td><td>37 × 51cm</td><td>150만 원</td></tr>
<tr><td>5단 통</td><td>37 × 17cm</td><td>70만 원</td></tr>
<tr><td>박스 광고</td><td>10 × 8cm</td><td>15만 원</td></tr>
</tbody>
</table>
<h2>안내</h2>
<ul>
<li>3개월 이상 계약하면 10%, 6개월 이상이면 15%를 할인합니다.</li>
<li>배너 이미지는 JPEG, PNG, WebP 파일로 보내 주시고, 직접 만들기 어려우면 제작을 도와드립니다.</li>
<li>선거·의료·금융 광고는 관련 법령에 따라 심의를 거친 뒤 싣습니다.</li>
</ul>"""

GUIDE_CONTACT = "광고사업부 031-000-0000 · ad@firstnews.example (평일 9시~18시)"

DESK_PERMISSIONS = [
    ("contact", "view_tip"),
    ("contact", "change_tip"),
    ("contact", "delete_tip"),
    ("contact", "view_adrequest"),
    ("contact", "change_adrequest"),
    ("contact", "delete_adrequest"),
    ("contact", "view_adguide"),
    ("contact", "change_adguide"),
]


def create_guide_and_permissions(apps, schema_editor):
    AdGuide = apps.get_model("contact", "AdGuide")
    AdGuide.objects.get_or_create(
        pk=1, defaults={"title": "광고안내", "intro": GUIDE_INTRO, "body": GUIDE_BODY, "contact": GUIDE_CONTACT}
    )
    grant_permissions(apps, "데스크", "contact", [codename for _app, codename in DESK_PERMISSIONS])


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0001_initial"),
        ("articles", "0003_newsroom_roles"),
    ]

    operations = [migrations.RunPython(create_guide_and_permissions, migrations.RunPython.noop)]
