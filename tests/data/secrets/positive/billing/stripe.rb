Stripe.api_key = "sk_li@@ve_FAKEl9h2wJq5ty4mYwUufJSunpJC"  <<expect DS851>>
