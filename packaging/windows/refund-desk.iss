; Inno Setup script for the Windows bundle: installs dist\RefundDesk (from
; packaging\refund_desk.spec, built on Windows) for the signed-in user, without administrator
; rights, with a Start-menu entry for the window and, if chosen, the folder on the user's PATH
; for the admin command line. Build (Inno Setup 6), from the repository folder:
;   iscc /DAppVersion=0.1.0 packaging\windows\refund-desk.iss
; AppVersion must be the package's version (python -c "import refund_desk; print(refund_desk.__version__)").

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=X.Y.Z packaging\windows\refund-desk.iss
#endif
#define Bundle "..\..\dist\RefundDesk"

[Setup]
; One AppId for ever: Windows knows an installed version by it (upgrades replace it in place).
AppId={{6A0E4B7C-2F1D-4C59-9B3E-8D5A1F0C7E42}
AppName=Refund Desk
AppVerName=Refund Desk {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=Refund Desk
VersionInfoVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\RefundDesk
DefaultGroupName=Refund Desk
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=RefundDesk-{#AppVersion}-setup
SetupIconFile=..\icons\refund_desk.ico
UninstallDisplayIcon={app}\refund-desk-app.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; A running app holds its files: ask it to close rather than leave half an upgrade.
CloseApplications=yes
ChangesEnvironment=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "refund-desk (admin command line) on PATH"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade must not keep libraries the new version no longer ships.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\Refund Desk"; Filename: "{app}\refund-desk-app.exe"
Name: "{group}\{cm:UninstallProgram,Refund Desk}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\Refund Desk"; Filename: "{app}\refund-desk-app.exe"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\refund-desk-app.exe"; Description: "{cm:LaunchProgram,Refund Desk}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Folder: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Path) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Folder) + ';', ';' + Uppercase(Path) + ';') = 0;
end;
