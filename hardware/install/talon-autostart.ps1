# Talon desktop shell: start at logon of the kiosk account and start again if it dies.
# Run once, as an administrator, after installing Talon-Setup-<version>.exe:
#   powershell -ExecutionPolicy Bypass -File talon-autostart.ps1 -User KIOSK\talon
# Remove: Unregister-ScheduledTask -TaskName 'Talon' -Confirm:$false
param(
  [Parameter(Mandatory = $true)][string]$User,
  [string]$Exe = "$env:ProgramFiles\Talon\Talon.exe"
)
$ErrorActionPreference = 'Stop'
if (-not (Test-Path $Exe)) { throw "Talon is not installed at $Exe (pass -Exe)" }

$action = New-ScheduledTaskAction -Execute $Exe
$trigger = New-ScheduledTaskTrigger -AtLogOn -User $User
# The shell exits non-zero when it dies on an error; the task is then started again every minute
# (the shortest interval Windows allows), without end, on mains or battery, with no time limit.
$settings = New-ScheduledTaskSettingsSet `
  -RestartCount 9999 -RestartInterval (New-TimeSpan -Minutes 1) `
  -ExecutionTimeLimit ([TimeSpan]::Zero) `
  -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries -StartWhenAvailable `
  -MultipleInstances IgnoreNew
$principal = New-ScheduledTaskPrincipal -UserId $User -LogonType Interactive -RunLevel Limited
Register-ScheduledTask -TaskName 'Talon' -Action $action -Trigger $trigger -Settings $settings -Principal $principal -Force | Out-Null
Write-Host "Talon will start at each logon of $User."
