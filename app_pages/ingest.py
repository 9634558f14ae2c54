"""导入: upload reports, preview what the extractor finds, then ingest them into the store.

The loaders judge a file by its bytes, not its name (a .pdf that is really a
PNG is refused), so the preview is exactly what the ingest will see. The write
goes through app_pages.store_handle.ingest_paths, the app's single writer, from
the button's on_click callback, before the page runs again.

Nothing is uploaded or written until the session has typed the administrator's token
(FAZHI_ADMIN_TOKEN in the environment or st.secrets; store_handle explains why): a shared
deployment is read-only for everyone else. Uploads stay limited to MAX_MB per file.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from fazhi.app_pages.extracted import preview
from fazhi.app_pages.store_handle import (
    ADMIN_TOKEN,
    ingest_paths,
    unlock_writes,
    writes_configured,
    writes_unlocked,
)

MAX_MB = 20
SUFFIXES = ["txt", "html", "htm", "pdf", "docx"]
UPLOAD_DIR = Path(tempfile.gettempdir()) / "fazhi-uploads"


def safe_name(name: str) -> str:
    """The base name only, without characters that mean something to a shell or a path."""
    base = Path(name).name
    return re.sub(r"[^\w.\-\u4e00-\u9fff]", "_", base)[:120] or "upload.txt"


def save(name: str, data: bytes) -> Path:
    """Store an upload under a content-addressed folder so two uploads never collide."""
    folder = UPLOAD_DIR / hashlib.sha256(data).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / safe_name(name)
    path.write_bytes(data)
    return path


def ingest_uploads(ready: list[Path]) -> None:
    """The import button's callback: write the files, leave the outcome for the page to show."""
    bar = st.progress(0.0, text="导入中…")
    done: list[str] = []

    def progress(source: str) -> None:
        done.append(source)
        bar.progress(min(len(done) / len(ready), 1.0), text=f"{len(done)}/{len(ready)} {Path(source).name}")

    try:
        result = ingest_paths(ready, progress)
    except Exception as exc:  # noqa: BLE001 - a locked store or a full disk: say so, keep the app up
        st.session_state["ingest_error"] = f"导入失败: {type(exc).__name__}: {exc}"
    else:
        st.session_state["ingest_summary"] = {"ingested": result.ingested, "failed": result.failed}
    finally:
        bar.empty()


def unlock() -> None:
    """The unlock button's callback: check the typed token, then forget it."""
    error = unlock_writes(st.session_state.get("admin-token", ""))
    st.session_state["admin-token"] = ""
    if error:
        st.session_state["unlock_error"] = error


def require_writes() -> None:
    """Stop the page here unless this session may write; say what would turn writing on."""
    if not writes_configured():
        st.info(f"网页导入已关闭。管理员在环境变量或 st.secrets 中设置 {ADMIN_TOKEN} 后，可在此输入口令开启；"
                "也可以在服务器上用命令行 `fazhi ingest` 导入。")
        st.stop()
    if writes_unlocked():
        return
    st.text_input("管理员口令", type="password", key="admin-token")
    st.button("开启导入", key="admin-unlock", on_click=unlock)
    if error := st.session_state.pop("unlock_error", None):
        st.error(error)
    st.stop()


st.header("导入")
require_writes()
if summary := st.session_state.pop("ingest_summary", None):
    st.success(f"已导入 {len(summary['ingested'])} 个文件。")
    for path, reason in summary["failed"]:
        st.error(f"{Path(path).name}: {reason}")
st.caption(f"支持 .txt .html .pdf .docx，每个文件不超过 {MAX_MB} MB；文件类型按内容判断。")
uploads = st.file_uploader("选择文件", type=SUFFIXES, accept_multiple_files=True, max_upload_size=MAX_MB,
                           key="ingest-files") or []
ready: list[Path] = []
rows = []
for upload in uploads:
    data = upload.getvalue()
    if len(data) > MAX_MB * 2**20:
        rows.append({"文件": upload.name, "状态": f"超过 {MAX_MB} MB 上限"})
        continue
    path = save(upload.name, data)
    result = preview(str(path), hashlib.sha256(data).hexdigest())
    if result["error"]:
        rows.append({"文件": upload.name, "状态": f"无法读取: {result['error']}"})
        continue
    ready.append(path)
    rows.append({"文件": upload.name, "状态": "可导入", "标题": result["title"], "发文机关": result["agency"],
                 "年份": result["year"], "文种": result["doc_type"], "法规": result["laws"],
                 "机构": result["agencies"], "措施": result["measures"], "关系": result["relations"]})
if rows:
    st.subheader("预览")
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
if ready:
    st.button(f"导入 {len(ready)} 个文件", type="primary", key="ingest-go", on_click=ingest_uploads, args=(ready,))
if error := st.session_state.pop("ingest_error", None):
    st.error(error)
