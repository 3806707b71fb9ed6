"""Small real office documents built in memory: HWP (an OLE compound file), HWPX, DOCX, XLSX, PPTX.

olefile only reads compound files, so `compound_file` writes one itself (MS-CFB version 3: 512-byte
sectors, streams under 4096 bytes in the mini stream); the tests read them back with olefile.
"""

import io
import struct
import zipfile

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
FREE, END_OF_CHAIN, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _entry(name, kind, *, child=NO_STREAM, right=NO_STREAM, start=0, size=0):
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB3I", len(encoded), kind, 1, NO_STREAM, right, child)
        + bytes(16 + 4 + 8 + 8)
        + struct.pack("<IQ", start, size)
    )


def compound_file(streams):
    """An OLE compound file holding `streams` ({"FileHeader": b"...", "BodyText/Section0": b"..."})."""
    # The tree: storages from the paths, each level a chain of right siblings (all black: a valid tree).
    tree = {}
    for path, data in streams.items():
        node = tree
        *folders, leaf = path.split("/")
        for folder in folders:
            node = node.setdefault(folder, {})
        node[leaf] = data
    entries = [None]  # [name, kind, data, children ids]; 0 is the root
    order = []

    def add(level):
        ids = []
        for name in sorted(level, key=lambda n: (len(n), n.upper())):
            value = level[name]
            entry_id = len(entries)
            entries.append([name, 1 if isinstance(value, dict) else 2, value, []])
            ids.append(entry_id)
            if isinstance(value, dict):
                entries[entry_id][3] = add(value)
        return ids

    root_children = add(tree)
    # Small streams go to the mini stream, the others to sectors of their own.
    mini, mini_fat, big = bytearray(), [], []
    starts = {}
    for entry_id, entry in enumerate(entries[1:], start=1):
        name, kind, data, _ = entry
        if kind != 2:
            continue
        order.append(entry_id)
        if len(data) < MINI_CUTOFF:
            first = len(mini) // MINI_SECTOR
            count = max(1, -(-len(data) // MINI_SECTOR))
            mini_fat += [first + i + 1 for i in range(count - 1)] + [END_OF_CHAIN]
            mini += data.ljust(count * MINI_SECTOR, b"\0")
            starts[entry_id] = first
        else:
            big.append((entry_id, data))
    directory_count = -(-(len(entries)) * 128 // SECTOR)
    mini_fat_bytes = b"".join(struct.pack("<I", v) for v in mini_fat)
    mini_fat_count = -(-len(mini_fat_bytes) // SECTOR) if mini_fat else 0
    mini_count = -(-len(mini) // SECTOR)
    chains = [("directory", directory_count), ("minifat", mini_fat_count), ("mini", mini_count)]
    chains += [(entry_id, -(-len(data) // SECTOR)) for entry_id, data in big]
    used = sum(count for _, count in chains)
    fat_count = 1
    while fat_count * 128 < used + fat_count:
        fat_count += 1
    fat = [FAT_SECTOR] * fat_count
    first_sector = {}
    for label, count in chains:
        if not count:
            first_sector[label] = END_OF_CHAIN
            continue
        first_sector[label] = len(fat)
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [END_OF_CHAIN]
    fat += [FREE] * (fat_count * 128 - len(fat))
    for entry_id, _ in big:
        starts[entry_id] = first_sector[entry_id]

    def right_of(ids):
        return dict(zip(ids, ids[1:], strict=False))

    rights = right_of(root_children)
    for entry in entries[1:]:
        rights.update(right_of(entry[3]))
    directory = _entry(
        "Root Entry", 5, child=root_children[0], start=first_sector["mini"], size=len(mini) if mini else 0
    )
    for entry_id, (name, kind, data, children) in enumerate(entries[1:], start=1):
        directory += _entry(
            name,
            kind,
            child=children[0] if children else NO_STREAM,
            right=rights.get(entry_id, NO_STREAM),
            start=starts.get(entry_id, 0) if kind == 2 else 0,
            size=len(data) if kind == 2 else 0,
        )
    while len(directory) < directory_count * SECTOR:
        directory += _entry("", 0)
    difat = list(range(fat_count)) + [FREE] * (109 - fat_count)
    header = (
        bytes.fromhex("d0cf11e0a1b11ae1")
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<II", 0, fat_count)
        + struct.pack("<II", first_sector["directory"], 0)
        + struct.pack("<I", MINI_CUTOFF)
        + struct.pack("<II", first_sector["minifat"], mini_fat_count)
        + struct.pack("<II", END_OF_CHAIN, 0)
        + b"".join(struct.pack("<I", v) for v in difat)
    )
    body = b"".join(struct.pack("<I", v) for v in fat)
    body += directory
    body += mini_fat_bytes.ljust(mini_fat_count * SECTOR, b"\xff")
    body += bytes(mini).ljust(mini_count * SECTOR, b"\0")
    for _, data in big:
        body += data.ljust(-(-len(data) // SECTOR) * SECTOR, b"\0")
    return header + body


def hwp_bytes(*, properties=0x1, extra_streams=None):
    """An HWP 5.0 document: FileHeader (signature, version 5.1.0.1, `properties` bits), DocInfo, a section."""
    file_header = b"HWP Document File".ljust(32, b"\0") + struct.pack("<II", 0x05010001, properties)
    streams = {
        "FileHeader": file_header.ljust(256, b"\0"),
        "DocInfo": b"\x00" * 120,
        "BodyText/Section0": "보도자료: 파주시 겨울철 제설 대책".encode("utf-16-le"),
        "\x05HwpSummaryInformation": b"\xfe\xff" + bytes(46),
    }
    streams.update(extra_streams or {})
    return compound_file(streams)


def encrypted_ooxml_bytes():
    """What Word writes for a .docx with a password: a compound file, not a zip (MS-OFFCRYPTO)."""
    return compound_file(
        {
            "EncryptionInfo": struct.pack("<HHI", 4, 4, 0x40) + b"<encryption/>",
            "EncryptedPackage": struct.pack("<Q", 5000) + bytes(5008),
        }
    )


def _zip(parts, *, first=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if first:  # HWPX (like EPUB): "mimetype" first and stored
            archive.writestr(zipfile.ZipInfo(first[0]), first[1], compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def hwpx_bytes(*, extra_parts=None, mimetype=b"application/hwp+zip"):
    parts = {
        "version.xml": '<?xml version="1.0" encoding="UTF-8"?><hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" major="5" minor="1"/>',
        "META-INF/container.xml": '<?xml version="1.0" encoding="UTF-8"?><ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container"><ocf:rootfiles><ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/></ocf:rootfiles></ocf:container>',
        "META-INF/manifest.xml": '<?xml version="1.0" encoding="UTF-8"?><odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        "Contents/content.hpf": '<?xml version="1.0" encoding="UTF-8"?><opf:package xmlns:opf="http://www.idpf.org/2007/opf/"><opf:manifest><opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/></opf:manifest><opf:spine><opf:itemref idref="section0"/></opf:spine></opf:package>',
        "Contents/header.xml": '<?xml version="1.0" encoding="UTF-8"?><hh:head xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head" version="1.31" secCnt="1"/>',
        "Contents/section0.xml": '<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph"><hp:p><hp:run><hp:t>보도자료: 문산천 생태 탐방로 개방</hp:t></hp:run></hp:p></hs:sec>',
    }
    parts.update(extra_parts or {})
    return _zip(parts, first=("mimetype", mimetype))


OOXML = {
    "docx": (
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>광고 문의드립니다</w:t></w:r></w:p></w:body></w:document>',
    ),
    "xlsx": (
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="단가표" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    "pptx": (
        "ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
    ),
}


def ooxml_bytes(kind, *, main_type=None, extra_parts=None, extra_types=""):
    """A .docx/.xlsx/.pptx package: [Content_Types].xml, the package relationships and the main part."""
    part, content_type, xml = OOXML[kind]
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{part}" ContentType="{main_type or content_type}"/>{extra_types}</Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        f'Target="{part}"/></Relationships>'
    )
    parts = {"[Content_Types].xml": types, "_rels/.rels": rels, part: '<?xml version="1.0"?>' + xml}
    parts.update(extra_parts or {})
    return _zip(parts)


# The 512-byte header of a compound file and nothing after it.
OLE_HEADER_ONLY = compound_file({"x": b"1"})[:512] + bytes(1024)
