"""Fictional people: Chinese names, phone numbers, national IDs and bank cards that look real.

Every value is derived from a customer's index and the seed, so the same seed always gives
the same people, and phone numbers are unique by construction.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN_CHARS = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍鹏建华红梅飞鑫波斌宇浩凯俊帆晨欣怡婷雪琳"
    "子涵梓轩雨萱佳豪思远文博嘉怡天佑晓东海燕志强春梅国庆振宇慧敏丹丹亮亮"
)
MOBILE_PREFIXES = (
    "130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "158",
    "159", "166", "176", "177", "180", "181", "182", "185", "186", "187", "188", "189", "191", "199",
)
# (region code, city) pairs for the first six digits of an ID number.
REGIONS = (
    ("110101", "北京"), ("310104", "上海"), ("440106", "广州"), ("440305", "深圳"), ("330106", "杭州"),
    ("320102", "南京"), ("510107", "成都"), ("420106", "武汉"), ("610113", "西安"), ("500103", "重庆"),
    ("370102", "济南"), ("350203", "厦门"), ("430104", "长沙"), ("120101", "天津"), ("210102", "沈阳"),
)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


def national_id_check_digit(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of a PRC resident ID number."""
    return ID_CHECK[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def luhn_check_digit(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def phone_for(index: int, seed: int) -> str:
    # 10**8 and 48271 are coprime, so distinct indexes give distinct eight-digit tails.
    tail = (index * 48271 + seed * 7919 + 12345678) % 10**8
    prefix = MOBILE_PREFIXES[(index // 10**8 + seed) % len(MOBILE_PREFIXES)]
    return f"{prefix}{tail:08d}"


def person(rng: random.Random, index: int, seed: int) -> dict[str, str]:
    surname = rng.choice(SURNAMES)
    given = "".join(rng.choice(GIVEN_CHARS) for _ in range(rng.choice((1, 2, 2))))
    region, city = rng.choice(REGIONS)
    birth = date(1965, 1, 1) + timedelta(days=rng.randrange(0, 365 * 38))
    first17 = f"{region}{birth:%Y%m%d}{rng.randrange(0, 1000):03d}"
    national_id = first17 + national_id_check_digit(first17)
    card15 = "622202" + f"{rng.randrange(0, 10**9):09d}"
    return {
        "name": surname + given,
        "phone": phone_for(index, seed),
        "national_id": national_id,
        "national_id_last4": national_id[-4:],
        "bank_card": card15 + luhn_check_digit(card15),
        "city": city,
    }
