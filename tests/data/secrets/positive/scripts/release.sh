#!/bin/sh
export GITHUB_TOKEN=ghp@@_FAKEYVhnSg9EH6yO4GFQRC5xLRwI0b26r08Q  <<expect DS851>>
export GH_PAT=github@@_pat_11FAKEZJ865UFRDL1ERBFQ_Fm2OEQ3HdAVja76RnIChtP8HKQDLM7ToThwNScgrLRWzBQCABugjMgeP7cG  <<expect DS851>>
curl -H "Authorization: token $GITHUB_TOKEN" https://api.github.com/user
