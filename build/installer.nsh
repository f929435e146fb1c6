; Liftoff's additions to electron-builder's NSIS installer; electron-builder includes
; build/installer.nsh by itself. See the file association notes in electron-builder.json5.
;
; Windows decides a file's type from its last extension only, so for "x.liftoff.json" it looks
; at ".json" and never at the ".liftoff.json" association electron-builder registers. That
; association still creates the Liftoff.Workshop ProgID (its name in win.fileAssociations), with
; the app's icon and an "open" command. Here the ProgID is added to the "Open with" list of .json
; files, which puts Liftoff in Explorer's "Open with" menu for workshop files. Only the list: the
; default value of .json is left alone, so Liftoff never becomes the app for every JSON file.

!macro customInstall
  WriteRegNone SHELL_CONTEXT "Software\Classes\.json\OpenWithProgids" "Liftoff.Workshop"
  ; Tell Explorer the associations changed (SHCNE_ASSOCCHANGED).
  System::Call "shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)"
!macroend

!macro customUnInstall
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.json\OpenWithProgids" "Liftoff.Workshop"
!macroend
