package cn.gov.qinghai.gateway.ratelimit;

/** The page a browser sees when it is over the limit: what happened and when to try again, in Chinese and English. */
final class FriendlyPage {
    private FriendlyPage() {}

    static String html(long retryAfterSeconds) {
        return """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8"><title>请稍后再试 / Please try again shortly</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta http-equiv="refresh" content="%1$d">
                <link rel="stylesheet" href="/assets/portal.css"></head>
                <body><main class="container">
                <h1>请稍后再试</h1>
                <p>您的网络地址在短时间内发出了较多请求。为了让每个人都能使用本平台，请在 %1$d 秒后再试，页面会自动刷新。</p>
                <h2 lang="en">Please try again shortly</h2>
                <p lang="en">Many requests came from your address in a short time. So that everyone can use the platform,
                please try again in %1$d seconds; this page reloads by itself.</p>
                <p><a href="/">返回首页 / Home</a></p>
                </main></body></html>
                """.formatted(retryAfterSeconds);
    }
}
