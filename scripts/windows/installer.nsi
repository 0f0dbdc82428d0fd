; The per-user installer of riskbook: no administrator rights, a Start-menu shortcut, and an
; uninstaller that removes the program but never the user's data (%APPDATA%\riskbook).
; Built by scripts/build-windows.sh:  makensis -DVERSION=… -DSTAGE=<folder with the files> -DICON=… -DOUTFILE=…
; Silent for tests and administrators:  setup.exe /S  and  "%LOCALAPPDATA%\Programs\riskbook\uninstall.exe" /S

Unicode true
; riskbook is a 64-bit program: so is its installer (which also runs where 32-bit support is missing).
Target amd64-unicode
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include "MUI2.nsh"

Name "riskbook ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\riskbook"
InstallDirRegKey HKCU "Software\riskbook" "InstallDir"
BrandingText "riskbook ${VERSION}"

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\riskbook"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\riskbook.exe"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Japanese"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_JAPANESE} "ProductName" "riskbook"
VIAddVersionKey /LANG=${LANG_JAPANESE} "FileDescription" "riskbook インストーラー"
VIAddVersionKey /LANG=${LANG_JAPANESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "LegalCopyright" "riskbook の開発者"

Section "riskbook"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${STAGE}\riskbook.exe"
  File "${STAGE}\riskbook.com"
  File "${STAGE}\はじめにお読みください.txt"
  File "${STAGE}\見本-リスク分析シート.xlsx"
  SetOutPath "$INSTDIR\licenses"
  File /r "${STAGE}\licenses\*"
  SetOutPath "$INSTDIR"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\riskbook.lnk" "$INSTDIR\riskbook.exe" "" "$INSTDIR\riskbook.exe" 0 \
    SW_SHOWNORMAL "" "情報セキュリティ リスク分析"

  WriteRegStr HKCU "Software\riskbook" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "riskbook"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "riskbook"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\riskbook.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; Only what the installer put there: the data under %APPDATA%\riskbook (databases, backups) stays.
Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\riskbook.lnk"
  Delete "$INSTDIR\riskbook.exe"
  Delete "$INSTDIR\riskbook.com"
  Delete "$INSTDIR\はじめにお読みください.txt"
  Delete "$INSTDIR\見本-リスク分析シート.xlsx"
  RMDir /r "$INSTDIR\licenses"
  Delete "$INSTDIR\uninstall.exe"
  ; Removed only when empty: a database the user saved into this folder is kept.
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\riskbook"
SectionEnd
