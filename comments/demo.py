"""Demo comments: a few members talking under published demo articles.

Each conversation is attached to an article by its title and written only if no demo member has
commented there yet, so seeding again adds nothing twice. The members get a demo password, which
`logins()` prints. The members also 공감/비공감 each other's comments (BEST 댓글 on the bus-route
articles), and one article has enough threads for two comment pages.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.services import member_signup
from articles.models import Article
from pages.models import Document

from . import services
from .models import BannedWord, Comment, CommentReport, CommentVote

PASSWORD = "firstnews-member-2026"
MEMBERS = [
    ("demo_member1", "운정새내기"),
    ("demo_member2", "교하토박이"),
    ("demo_member3", "문산역지기"),
    ("demo_member4", "헤이리산책"),
    ("demo_member5", "월롱들녘"),
    ("demo_member6", "탄현새벽"),
    ("demo_member7", "적성나들이"),
    ("demo_member8", "광탄주민"),
]
BANNED_WORDS = ["불법대출", "도박사이트", "작업대출"]

# key, parent key, member number, text, minutes after publication, what happens to it later
CONVERSATIONS = {
    "운정신도시 마을버스 노선 3개 신설…출퇴근 환승 쉬워진다": [
        ("a", None, 0, "드디어 생기네요. 야당역까지 걸어서 20분이었는데 반갑습니다.", 35, ""),
        (
            "b",
            "a",
            1,
            "배차 간격이 얼마나 될지가 관건일 것 같아요.\n출근 시간만이라도 10분 안쪽이면 좋겠습니다.",
            52,
            "",
        ),
        ("c", "b", 0, "기사 본문에 출퇴근 시간 15분 간격이라고 나와 있어요.", 61, "edited"),
        ("d", "c", 2, "15분이면 광역버스 환승 시간 맞추기가 애매하겠네요.", 80, ""),
        ("e", "d", 1, "환승 할인 시간이 30분이라 한 대 놓쳐도 괜찮을 겁니다.", 95, ""),
        ("f", "e", 2, "그렇군요. 시범 운행 때 직접 타 보고 후기 남기겠습니다.", 110, ""),
        ("g", None, 3, "주말 운행 계획도 알려 주시면 좋겠습니다.", 130, ""),
        ("h", "g", 0, "시 홈페이지 공지에 주말 시간표가 따로 올라온다고 합니다.", 150, ""),
    ],
    "금촌 전통시장 주말 야시장 개장…지역 경제에 온기 불어넣는다": [
        ("a", None, 2, "주차는 어디에 하면 되나요? 시장 공영주차장이 늘 꽉 차서요.", 40, "deleted"),
        ("b", "a", 3, "금촌역 환승주차장에 대고 걸어가면 5분 거리예요.", 55, ""),
        ("c", "a", 1, "토요일 저녁에는 임시 주차장도 연다고 들었습니다.", 70, ""),
        ("d", None, 0, "어묵 꼬치 파는 집 아직도 있나요? 어릴 때 자주 갔었는데.", 90, ""),
        ("e", "d", 2, "네, 입구 쪽에 그대로 있어요. 요즘은 줄이 깁니다.", 100, ""),
        ("f", None, 1, "급전 필요하신 분 연락 주세요 작업대출 상담 24시간", 120, "hidden"),
        (
            "g",
            None,
            3,
            "청년 상인 매대도 생긴다니 꼭 들러 보겠습니다.\n자세한 일정은 https://example.com/market 에서 본다고 하네요.",
            140,
            "reported",
        ),
    ],
    "운정 광역버스 2개 노선 신설… 출근길 배차 12분으로": [
        ("a", None, 1, "서울역 가는 노선이 생겨서 출근이 한결 편해지겠어요.", 30, ""),
        ("b", "a", 0, "정류장 위치가 어디로 정해졌는지 궁금합니다.", 45, ""),
        ("c", "b", 1, "운정중앙역 앞과 가람마을 입구라고 기사에 나와 있어요.", 60, ""),
    ],
}


# The bus-route article gets a lively thread: a comment from every 마을 along the new routes, enough
# top-level threads for two comment pages (50 a page).
_VILLAGES = ["가람마을", "한빛마을", "해솔마을", "산내마을", "책향기마을", "청석마을", "노을마을", "별하람마을"]
_REMARKS = [
    "에서 서울역까지 몇 분 걸리는지 궁금합니다.",
    " 정류장은 아침 7시대에 사람이 가장 많아요. 증차가 꼭 필요합니다.",
    "에 사는데 이제 환승 없이 출근할 수 있겠네요.",
    " 앞 정류장에 비 가림 시설도 같이 생기면 좋겠습니다.",
    " 주민입니다. 첫차 시간이 조금만 더 빨랐으면 합니다.",
    "에서는 막차 시간이 제일 중요합니다. 밤 11시 넘어서도 다니길 바랍니다.",
    " 쪽은 기존 노선과 겹치는지 확인해 봐야겠어요.",
]
BUSY_ARTICLE = "운정 광역버스 2개 노선 신설… 출근길 배차 12분으로"
CONVERSATIONS[BUSY_ARTICLE] += [
    (f"v{number}", None, number % len(MEMBERS), village + remark, 70 + number * 4, "")
    for number, (village, remark) in enumerate(
        (village, remark) for remark in _REMARKS for village in _VILLAGES[: 8 if remark != _REMARKS[-1] else 2]
    )
]

# 공감/비공감 by the demo members: (article, comment key, members who like it, members who dislike it).
# With COMMENT_BEST_MIN_LIKES at its default of 5, the first three make the bus article's BEST 댓글.
VOTES = [
    (
        "운정신도시 마을버스 노선 3개 신설…출퇴근 환승 쉬워진다",
        "a",
        [1, 2, 3, 4, 5, 6, 7],
        [],
    ),
    ("운정신도시 마을버스 노선 3개 신설…출퇴근 환승 쉬워진다", "e", [0, 2, 3, 4, 5, 6], [7]),
    ("운정신도시 마을버스 노선 3개 신설…출퇴근 환승 쉬워진다", "g", [0, 1, 2, 4, 5], [6, 7]),
    ("운정신도시 마을버스 노선 3개 신설…출퇴근 환승 쉬워진다", "d", [3, 4], [0, 1, 5]),
    ("금촌 전통시장 주말 야시장 개장…지역 경제에 온기 불어넣는다", "e", [0, 1, 3, 4, 5, 6], []),
    ("금촌 전통시장 주말 야시장 개장…지역 경제에 온기 불어넣는다", "b", [0, 1, 4], [5]),
    (
        BUSY_ARTICLE,
        "a",
        [0, 2, 3, 4, 5, 6, 7],
        [],
    ),
    (BUSY_ARTICLE, "v3", [0, 1, 2, 4], [6]),
]


def seed(out):
    members = seed_members()
    for word in BANNED_WORDS:
        BannedWord.objects.get_or_create(word=word)
    written = 0
    for title, conversation in CONVERSATIONS.items():
        article = Article.objects.published().filter(title=title).first()
        if article is None or article.comments.filter(author__in=members).exists():
            continue
        comments = write_conversation(article, conversation, members)
        cast_votes(title, comments, members)
        written += 1
    out.write(f"데모 댓글 대화 {written}개를 새로 만들었습니다.")


def logins():
    names = ", ".join(username for username, _ in MEMBERS)
    return [f"댓글 데모 회원: 아이디 {names} 비밀번호 {PASSWORD}"]


def seed_members():
    """Members who joined the way readers do: through signup, with the consents it records."""
    User = get_user_model()
    terms = Document.objects.current(Document.Kind.TERMS)
    privacy = Document.objects.current(Document.Kind.PRIVACY)
    members = []
    for username, nickname in MEMBERS:
        member = User.objects.filter(username=username).first() or member_signup(
            username=username,
            nickname=nickname,
            email=f"{username}@firstnews.example",
            password=PASSWORD,
            terms=terms,
            privacy=privacy,
            marketing=False,
        )
        members.append(member)
    return members


def write_conversation(article, conversation, members):
    """Write the comments as the readers did, hours after publication; then apply deletions and moderation."""
    written = {}
    room = timezone.now() - article.published_at
    last = max(entry[4] for entry in conversation)
    for key, parent_key, member, text, minutes, _ in conversation:
        # Hours after publication; for this morning's articles squeezed, in the same order, into the
        # time since publication, so that no comment is older than its article or in the future.
        delay = datetime.timedelta(minutes=minutes)
        if delay > room * 0.9:
            delay = room * 0.9 * minutes / (last + 1)
        when = article.published_at + delay
        comment = Comment(article=article, author=members[member], text=text, created_at=when)
        comment.place_under(written.get(parent_key))
        comment.save()
        comment.save_path()
        written[key] = comment
    for key, _parent, member, _text, _minutes, fate in conversation:
        comment = written[key]
        if fate == "edited":
            Comment.objects.filter(pk=comment.pk).update(
                edited_at=comment.created_at + datetime.timedelta(minutes=3),
                text=comment.text + " (출퇴근 시간 기준)",
            )
        elif fate == "deleted":
            services.comment_delete(comment=comment, author=members[member])
        elif fate in ("hidden", "reported"):
            others = [other for other in members if other != comment.author]
            for reporter in others if fate == "hidden" else others[:1]:
                services.comment_report(comment=comment, reporter=reporter, reason=CommentReport.Reason.SPAM)
            if fate == "hidden":
                services.comment_hide(comment=comment)
    services.comments_recount(article=article)
    return written


def cast_votes(title, comments, members):
    """The demo members' 공감/비공감, cast through the service as clicks are."""
    for voted_title, key, likes, dislikes in VOTES:
        if voted_title != title:
            continue
        for numbers, value in ((likes, CommentVote.Value.LIKE), (dislikes, CommentVote.Value.DISLIKE)):
            for number in numbers:
                services.comment_vote(comment=comments[key], member=members[number], value=value)
