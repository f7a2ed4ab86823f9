café = 1
naïve = café + 1
ﬁle = 2
𝔘𝔫𝔦 = 3
Ω = "ω"
x = "日本語" + 'ü' + café.ἀλφα
def función(parámetro=ñ):
    return parámetro
