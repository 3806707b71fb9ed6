from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from gnuboard.importer import Importer, UnmappedBoards, load_mapping
from gnuboard.source import Source, SourceError


class Command(BaseCommand):
    help = "그누보드5 사이트(게시판, 게시글, 댓글, 회원, 파일, 방문자 합계)를 이 사이트로 옮깁니다. 여러 번 실행해도 안전합니다."

    def add_arguments(self, parser):
        parser.add_argument("--db", required=True, help="mysql://사용자:비밀번호@호스트:포트/데이터베이스")
        parser.add_argument("--prefix", default="g5_", help="그누보드 테이블 접두어 (기본 g5_)")
        parser.add_argument("--data", help="그누보드의 data/ 폴더 (첨부파일 file/, 에디터 이미지 editor/)")
        parser.add_argument("--map", help='게시판 → 섹션 매핑 파일 (TOML: [boards] 게시판 = "섹션" | "new" | "skip")')
        parser.add_argument(
            "--write-map",
            default="gnuboard-map.toml",
            help="매핑되지 않은 게시판이 있을 때 고쳐 쓸 매핑 파일을 쓸 곳 (기본 gnuboard-map.toml)",
        )
        parser.add_argument("--dry-run", action="store_true", help="옮길 내용만 보여 주고 아무것도 쓰지 않음")
        parser.add_argument("--batch-size", type=int, default=500, help="한 번에 옮기는 게시글 수 (기본 500)")

    def handle(self, *args, **options):
        try:
            mapping = load_mapping(options["map"]) if options["map"] else {}
            source = Source(options["db"], prefix=options["prefix"])
        except (OSError, ValueError, SourceError) as error:
            raise CommandError(str(error)) from error
        try:
            importer = Importer(
                source,
                data_dir=options["data"],
                mapping=mapping,
                dry_run=options["dry_run"],
                out=self.stdout,
                batch_size=options["batch_size"],
            )
            report = importer.run(map_out=options["write_map"])
        except UnmappedBoards as error:
            raise CommandError(
                "섹션이 정해지지 않은 게시판이 있어 멈춥니다: "
                + ", ".join(error.boards)
                + f"\n{error.written} 를 고친 뒤 --map {error.written} 로 다시 실행하세요."
            ) from error
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        except SourceError as error:  # the database went away or the reading process failed mid-way
            raise CommandError(str(error)) from error
        finally:
            source.close()
        if not options["dry_run"]:
            self.stdout.write("== 결과")
            for line in report.lines():
                self.stdout.write(line)
