; Inno Setup script for the USMCA Scenario Planner (Windows x64).  UNTESTED: no Windows here.
;
; On a Windows machine with Python 3.11 and Inno Setup 6:
;   py -3.11 -m venv .venv && .venv\Scripts\pip install -e ".[package]"
;   .venv\Scripts\python -m planner.ui.translations_build
;   .venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\planner.spec
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\usmca-planner.iss
; On Windows the spec makes two programs in one folder: planner.exe (the app, no console
; window) and planner-cli.exe (the command line: planner-cli run FILE --json). The spec's
; Linux-only steps (slim ICU data, platform plugin list, library walk) are skipped: see
; packaging/README.md. The installer lands in dist\usmca-planner-<version>-setup.exe.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "USMCA Scenario Planner"
#define AppExe "planner.exe"
#define ProgId "UsmcaPlanner.Scenario"

[Setup]
; A fixed AppId keeps upgrades in place; never change it.
AppId={{5B0C2E0A-7F3D-4C1B-9E55-2A6B8D4F1C73}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=USMCA Scenario Planner
DefaultDirName={autopf}\USMCA Scenario Planner
DefaultGroupName={#AppName}
; Per-user install without admin rights unless the user picks "all users".
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=usmca-planner-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
ChangesAssociations=yes
; SetupIconFile needs an .ico; convert resources/icons/usmca-planner.svg first, then uncomment:
; SetupIconFile=..\icons\usmca-planner.ico

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "association"; Description: "Open .usmca.json scenario files with {#AppName}"; GroupDescription: "File types:"

[Files]
; The one-folder bundle, as built by packaging/planner.spec.
Source: "..\..\dist\planner\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Windows keys associations on the last extension only (".json"), so the association is made
; through a ProgId on ".usmca.json" and is offered, not forced, for plain .json files.
Root: HKA; Subkey: "Software\Classes\.usmca.json"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: association
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: association
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "USMCA scenario"; Flags: uninsdeletekey; Tasks: association
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: association
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: association

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
