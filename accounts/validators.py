from django.contrib.auth.password_validation import UserAttributeSimilarityValidator
from django.core.exceptions import ValidationError


class SimilarityValidator(UserAttributeSimilarityValidator):
    """Django's check that a password is not like the ID, nickname or email, with a natural Korean message."""

    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError as error:
            raise ValidationError(
                "비밀번호가 아이디, 닉네임 또는 이메일과 너무 비슷합니다.", code="password_too_similar"
            ) from error

    def get_help_text(self):
        return "아이디, 닉네임, 이메일과 비슷한 비밀번호는 쓸 수 없습니다."
