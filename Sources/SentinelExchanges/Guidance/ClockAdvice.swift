/// How to fix a drifting clock, for people on each system.
public enum ClockAdvice {
    public static let steps: [String] = [
        "Turn on automatic time synchronization, then run the command again.",
        "Linux: `timedatectl set-ntp true` (check with `timedatectl status`: \"System clock synchronized: yes\").",
        "macOS: System Settings → General → Date & Time → \"Set time and date automatically\".",
        "Windows: Settings → Time & language → Date & time → \"Set time automatically\", then \"Sync now\".",
        "A VPS: install and enable chrony or systemd-timesyncd (`apt install chrony`), since some hosts drift.",
    ]
}
