ONBUILD  ᾫ⵫Ʃݍ⤫▓⌸ઈየ\

# comment
   
\