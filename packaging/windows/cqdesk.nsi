; cqdesk installer for Windows (NSIS 3, Unicode, 64-bit).
; Per-user by default: no admin rights, installs to %LOCALAPPDATA%\Programs\cqdesk, registers an
; uninstaller under HKCU (Apps & features). Built by packaging/build.py:
;   makensis -DVERSION=X.Y.Z -DSOURCE_DIR=dist\cqdesk -DOUT_FILE=dist\cqdesk-X.Y.Z-windows-setup.exe cqdesk.nsi
; The version has one home, cqdesk/__init__.py; build.py passes it, so there is no default here.

Unicode true
Target amd64-unicode          ; an x86 stub fails silently on 64-bit-only systems
SetCompressor /SOLID lzma
SetCompressorDictSize 64    ; MB: the whole 68 MB folder in one window, 0.7 MB (3 %) smaller than the default 8
ManifestDPIAware true
RequestExecutionLevel user

!ifndef VERSION
  !error "pass -DVERSION=X.Y.Z (packaging/build.py does, from cqdesk/__init__.py)"
!endif
!ifndef SOURCE_DIR
  !define SOURCE_DIR "..\..\dist\cqdesk"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "cqdesk-${VERSION}-windows-setup.exe"
!endif

!define APP "cqdesk"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"

Name "${APP}"
OutFile "${OUT_FILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "MIT licence"

!include "MUI2.nsh"
!define MUI_ICON "..\..\resources\icons\cqdesk.ico"
!define MUI_UNICON "..\..\resources\icons\cqdesk.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\cqdesk.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString SecApp ${LANG_SIMPCHINESE} "cqdesk 阅读器（必需）"
LangString SecApp ${LANG_ENGLISH} "cqdesk reader (required)"
LangString SecDesktop ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString ShortcutName ${LANG_SIMPCHINESE} "cqdesk 政府工作报告"
LangString ShortcutName ${LANG_ENGLISH} "cqdesk work report reader"

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "!$(SecApp)" SecMain
  SectionIn RO
  SetShellVarContext current
  ; A clean upgrade: remove what an older version installed before copying the new files.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\cqdesk.exe"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE_DIR}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\$(ShortcutName).lnk" "$INSTDIR\cqdesk.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP} — 2025年重庆市政府工作报告"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "cqdesk"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\cqdesk.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "$(SecDesktop)" SecDesktopShortcut
  SetShellVarContext current
  CreateShortcut "$DESKTOP\$(ShortcutName).lnk" "$INSTDIR\cqdesk.exe"
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ; Only what the installer put there: never a recursive delete of the chosen folder itself.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\cqdesk.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP}\*.lnk"
  RMDir "$SMPROGRAMS\${APP}"
  Delete "$DESKTOP\cqdesk 政府工作报告.lnk"
  Delete "$DESKTOP\cqdesk work report reader.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd
